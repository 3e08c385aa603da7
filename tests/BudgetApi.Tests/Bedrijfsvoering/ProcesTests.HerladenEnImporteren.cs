using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.Data.Sqlite;

namespace BudgetApi.Tests.Bedrijfsvoering;

/// <summary>
/// Reload and import as operations meets them, with the real process: an import killed midway, a broken stand file placed under
/// load, SIGHUP, two instances on one shared import folder, and an import on a folder that cannot be written or a disk that is full.
/// The stand imported or placed is <see cref="Proefstanden"/>: JenV's 1e suppletoire 2026 with artikel 31 raised by 25.000.
/// </summary>
public sealed partial class ProcesTests
{
    private const long TotaalSuppletoire = Proefstanden.TotaalOntwerp + 25_000;

    /// <summary>Locations, a trusted identity provider for the import (the test issuer and key), no read limit, few log lines.</summary>
    private static string[] Importinstellingen(string data, string database, string import) =>
    [
        .. Instellingen(data, database), $"--Budget:ImportMap={import}", "--Budget:Snelheidslimiet:PerMinuut=0",
        .. Tokens.Instellingen().Select(i => $"--{i.Key}={i.Value}"),
        "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information", "--Logging:LogLevel:BudgetApi.Opslag=Information",
    ];

    private static async Task<HttpResponseMessage> Importeer(HttpClient client, string inhoud, string bestandsnaam = "voorjaarsnota-2026.csv")
    {
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, $"/v1/standen?bestandsnaam={bestandsnaam}") { Content = new StringContent(inhoud, Encoding.UTF8, "text/csv") };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Maak());
        return await client.SendAsync(verzoek);
    }

    private static async Task<JsonNode> Gereed(HttpClient client) => await Json(client, "/health/ready");

    private static async Task<string> Versie(HttpClient client) => (await Gereed(client))["gegevensversie"]!.GetValue<string>();

    private static async Task<int> StandenJenV2026(HttpClient client) =>
        (await Json(client, "/v1/standen?begroting=JenV&begrotingsjaar=2026"))["gegevens"]!.AsArray().Count;

    /// <summary>Polls <paramref name="voorwaarde"/> until it holds or <paramref name="tijd"/> has passed; bounded, never forever.</summary>
    private static async Task<bool> Binnen(TimeSpan tijd, Func<Task<bool>> voorwaarde, int stapMs = 100)
    {
        for (var klok = Stopwatch.StartNew(); klok.Elapsed < tijd; await Task.Delay(stapMs))
        {
            if (await voorwaarde()) return true;
        }
        return await voorwaarde();
    }

    /// <summary>The files in a folder, but the import lock's (it stays once made: removing a lock file that others may open is a race).</summary>
    private static IEnumerable<string> Namen(string map) =>
        Directory.Exists(map) ? Directory.EnumerateFiles(map).Select(p => Path.GetFileName(p)!)
            .Where(n => n != BudgetApi.Laden.Standbestandsmappen.Slotbestand).Order(StringComparer.Ordinal) : [];

    /// <summary>A file appears in the folder whole, as a copy tool that writes beside and renames does it.</summary>
    private void Plaats(string pad, string inhoud)
    {
        var tijdelijk = _map[$"plaatsen-{Guid.NewGuid():N}"];
        File.WriteAllText(tijdelijk, inhoud);
        File.Move(tijdelijk, pad, overwrite: true);
    }

    /// <summary>The previous data is what serves: its version, JenV 2026 with only its ontwerpbegroting, and its total.</summary>
    private static async Task VorigeGegevensGeserveerd(HttpClient client, string versie, string waarom)
    {
        var gereed = await Gereed(client);
        gereed["status"]!.GetValue<string>().Should().Be("gereed", waarom);
        gereed["gegevensversie"]!.GetValue<string>().Should().Be(versie, waarom);
        (await StandenJenV2026(client)).Should().Be(1, waarom);
        (await JenVUitgaven2026(client)).Should().Be(Proefstanden.TotaalOntwerp, waarom);
    }

    // ---------------------------------------------------------------- an import killed midway

    [Fact]
    public async Task Een_import_die_halverwege_wordt_gedood_laat_de_vorige_stand_en_geen_half_bestand_en_opnieuw_importeren_lukt()
    {
        var data = _map.KopieVanData();
        var database = _map["db/budget.db"];
        var import = _map["import"];
        var databasemap = Path.GetDirectoryName(database)!;
        var instellingen = Importinstellingen(data, database, import);
        string groot;
        string vorige;
        var klok = Stopwatch.StartNew();

        // 1. Killed while the database with the file is built (the file is large: building takes seconds).
        await using (var dienst = Dienstproces.Start(instellingen))
        {
            using var client = new HttpClient { BaseAddress = await dienst.Adres(), Timeout = TimeSpan.FromMinutes(3) };
            vorige = await Versie(client);
            groot = Proefstanden.EersteSuppletoire(await client.GetStringAsync(Proefstanden.ExportUrl), extraRegels: 20_000);
            var bezig = Importeer(client, groot, "groot.csv");
            // The build file is there from the moment the build begins (SQLite writes into it only when its cache spills, which
            // with a fast writer can be near the end): kill as soon as it exists.
            await Binnen(TimeSpan.FromSeconds(90), () => Task.FromResult(bezig.IsCompleted
                || Directory.EnumerateFiles(databasemap, "budget.*.db.*.bouw").Any()), stapMs: 1);
            if (bezig.IsCompletedSuccessfully) bezig.IsCompleted.Should().BeFalse($"the import is still building: {await (await bezig).Content.ReadAsStringAsync()}");
            dienst.Dood();
            await dienst.WachtOpEinde();
            await AfgebrokenImport(bezig);
        }
        Namen(import).Should().BeEmpty("nothing is stored before the database with the file is complete");
        Directory.EnumerateFiles(databasemap, "budget.*.db.*.bouw*").Should().NotBeEmpty("the build was caught midway");
        uitvoer.WriteLine($"gedood tijdens het bouwen na {klok.ElapsedMilliseconds} ms; {groot.Length} tekens in het bestand");

        // 2. Killed while the file is stored: its sidecar written, the stand file half written under its temporary name.
        string[] achtergelaten = [];
        long half = 0;
        var gevangen = false;
        for (var poging = 1; poging <= 3 && !gevangen; poging++)
        {
            await using var dienst = Dienstproces.Start(instellingen);
            using var client = new HttpClient { BaseAddress = await dienst.Adres(), Timeout = TimeSpan.FromMinutes(3) };
            await VorigeGegevensGeserveerd(client, vorige, "after a kill mid-build the restart serves the previous data");
            var bezig = Importeer(client, groot, "groot.csv");
            await Binnen(TimeSpan.FromSeconds(90), () => Task.FromResult(bezig.IsCompleted
                || Directory.EnumerateFiles(import, "*.csv.*" + BudgetApi.Laden.Standbestandsmappen.Tijdelijk).Any(n => !n.Contains(".import.json.", StringComparison.Ordinal))), stapMs: 1);
            dienst.Dood();
            await dienst.WachtOpEinde();
            achtergelaten = [.. Namen(import)];
            gevangen = achtergelaten.Any(n => n.EndsWith(".csv.import.json", StringComparison.Ordinal) && !achtergelaten.Contains(n[..^".import.json".Length]));
            if (gevangen)
            {
                await AfgebrokenImport(bezig);
                half = achtergelaten.Where(n => n.EndsWith(".tijdelijk", StringComparison.Ordinal)).Select(n => new FileInfo(Path.Combine(import, n)).Length).DefaultIfEmpty(0).Max();
            }
            else
            {
                // Too late: the import was made. Undo it as an operator would restore a backup, and try again.
                foreach (var bestand in Directory.EnumerateFiles(import)) File.Delete(bestand);
            }
            uitvoer.WriteLine($"opslaan, poging {poging}: {(gevangen ? "gedood tijdens het opslaan" : "te laat")}: {string.Join(", ", achtergelaten)}");
        }
        gevangen.Should().BeTrue("the process was killed between writing the sidecar and renaming the stand file into place");
        achtergelaten.Should().Contain(n => n.EndsWith(".tijdelijk", StringComparison.Ordinal), "the stand file was being written under its temporary name");

        // 3. The restart serves the previous data, reads no half file as a stand, and removes what the kill left.
        await using (var dienst = Dienstproces.Start(instellingen))
        {
            using var client = new HttpClient { BaseAddress = await dienst.Adres(), Timeout = TimeSpan.FromMinutes(3) };
            await VorigeGegevensGeserveerd(client, vorige, "a sidecar without its stand file, and a half file, are no import");
            Namen(import).Should().BeEmpty("the half file and the sidecar without its stand file are removed at start");
            Namen(databasemap).Should().Equal($"budget.{vorige}.db");

            // 4. Importing the same file again works.
            using var antwoord = await Importeer(client, groot, "groot.csv");
            antwoord.StatusCode.Should().Be(HttpStatusCode.Created, await antwoord.Content.ReadAsStringAsync());
            (await JenVUitgaven2026(client)).Should().Be(TotaalSuppletoire);
            (await StandenJenV2026(client)).Should().Be(2);
            Namen(import).Should().HaveCount(2, "the stand file and its sidecar");
        }
        Meetverslag.Schrijf($"import gedood (SIGKILL) tijdens het bouwen en tijdens het opslaan ({half} bytes van {Encoding.UTF8.GetByteCount(groot)} geschreven, " +
                            $"zijbestand zonder standbestand): de herstart diende de vorige versie en ruimde op; opnieuw importeren lukte ({klok.Elapsed.TotalSeconds:0} s)");
    }

    /// <summary>The client of a killed import got no answer, or at least no success.</summary>
    private static async Task AfgebrokenImport(Task<HttpResponseMessage> bezig)
    {
        try
        {
            using var antwoord = await bezig;
            antwoord.IsSuccessStatusCode.Should().BeFalse("an import killed midway never answers as made");
        }
        catch (HttpRequestException)
        {
            // the connection died with the process: the client knows the import was not confirmed
        }
    }

    // ---------------------------------------------------------------- reload with invalid data under load

    [Fact]
    public async Task Herladen_met_ongeldige_data_onder_belasting_serveert_de_oude_versie_zonder_fouten_en_daarna_de_nieuwe()
    {
        var data = _map.KopieVanData();
        var standen = Directory.CreateDirectory(Path.Combine(data, "standen")).FullName;
        await using var dienst = Dienstproces.Start(Importinstellingen(data, _map["db/budget.db"], _map["import"]));
        var adres = await dienst.Adres();
        using var client = new HttpClient { BaseAddress = adres };
        var oud = await Versie(client);
        var goed = Proefstanden.EersteSuppletoire(await client.GetStringAsync(Proefstanden.ExportUrl));
        var bestand = Path.Combine(standen, "voorjaarsnota-2026.csv");

        // Readers: each answer with when it was asked; the new data cannot exist before the valid file is placed.
        var klok = Stopwatch.StartNew();
        long geldigGeplaatst = long.MaxValue;
        // Two requests, each answered whole from one version: a swap may come between them, so each is checked on its own.
        var totalen = new ConcurrentBag<(long Gevraagd, long Totaal)>();
        var aantallen = new ConcurrentBag<(long Gevraagd, int Standen)>();
        var fouten = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        async Task Lees()
        {
            using var eigen = new HttpClient { BaseAddress = adres };
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var gevraagd = klok.ElapsedTicks;
                    totalen.Add((gevraagd, await JenVUitgaven2026(eigen)));
                    gevraagd = klok.ElapsedTicks;
                    aantallen.Add((gevraagd, await StandenJenV2026(eigen)));
                }
                catch (Exception fout)
                {
                    fouten.Add($"{fout.GetType().Name}: {fout.Message}");
                }
            }
        }
        var lezers = Enumerable.Range(0, 8).Select(_ => Task.Run(Lees)).ToList();
        await Binnen(TimeSpan.FromSeconds(20), () => Task.FromResult(totalen.Count >= 20));

        Plaats(bestand, Proefstanden.Kapot(goed));
        (await Binnen(TimeSpan.FromSeconds(60), async () => (await Gereed(client))["laatsteHerlaadpoging"] is not null))
            .Should().BeTrue("the watcher reloads when a stand file is placed, and readiness names the failed reload");
        var gereed = await Gereed(client);
        gereed["status"]!.GetValue<string>().Should().Be("gereed-met-waarschuwing");
        gereed["gegevensversie"]!.GetValue<string>().Should().Be(oud);
        var poging = gereed["laatsteHerlaadpoging"]!;
        poging["gelukt"]!.GetValue<bool>().Should().BeFalse();
        poging["aanleiding"]!.GetValue<string>().Should().Be($"wijziging in {data}");
        poging["problemen"]!.AsArray().Select(p => p!.GetValue<string>()).Should()
            .Contain(p => p.StartsWith("data/standen/voorjaarsnota-2026.csv:4:", StringComparison.Ordinal) && p.Contains("uitgave"))
            .And.Contain(p => p.StartsWith("data/standen/voorjaarsnota-2026.csv:6:", StringComparison.Ordinal) && p.Contains("najaarsnota"));
        var tijdensKapot = totalen.Count + aantallen.Count;
        await Task.Delay(1000); // the broken file stays a while under load

        Interlocked.Exchange(ref geldigGeplaatst, klok.ElapsedTicks);
        Plaats(bestand, goed);
        (await Binnen(TimeSpan.FromSeconds(60), async () => (await Gereed(client))["status"]!.GetValue<string>() == "gereed"))
            .Should().BeTrue("a valid file replacing the broken one is loaded");
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(lezers);

        gereed = await Gereed(client);
        gereed["gegevensversie"]!.GetValue<string>().Should().NotBe(oud);
        gereed["laatsteHerlaadpoging"].Should().BeNull("a successful reload clears the failed one");
        var metrics = await client.GetStringAsync("/metrics");
        metrics.Should().MatchRegex("budgetapi_herladen_total\\{[^}]*uitkomst=\"afgewezen\"[^}]*\\} [1-9]").And.MatchRegex("budgetapi_herladen_total\\{[^}]*uitkomst=\"geslaagd\"[^}]*\\} [1-9]");
        var voor = totalen.Count(g => g.Gevraagd < geldigGeplaatst) + aantallen.Count(g => g.Gevraagd < geldigGeplaatst);
        var aantal = totalen.Count + aantallen.Count;
        uitvoer.WriteLine($"{aantal} antwoorden, {voor} voor het geldige bestand ({tijdensKapot} toen de mislukking gemeld werd), {aantal - voor} erna; {fouten.Count} fouten");
        Meetverslag.Schrijf($"herladen met een kapot standbestand onder belasting (8 lezers): {aantal} antwoorden, {fouten.Count} fouten; " +
                            $"{voor} voor het geldige bestand, alle van de oude versie; gereedheid 200 met de oude versie en de mislukking; daarna de nieuwe versie");
        fouten.Should().BeEmpty("a failed reload never disturbs a reader");
        totalen.Where(g => g.Gevraagd < geldigGeplaatst).Should().OnlyContain(g => g.Totaal == Proefstanden.TotaalOntwerp, "until a valid file is placed every answer is the old version");
        aantallen.Where(g => g.Gevraagd < geldigGeplaatst).Should().OnlyContain(g => g.Standen == 1, "until a valid file is placed every answer is the old version");
        totalen.Select(g => g.Totaal).Distinct().Should().BeSubsetOf([Proefstanden.TotaalOntwerp, TotaalSuppletoire], "each answer is one version, whole");
        aantallen.Select(g => g.Standen).Distinct().Should().BeSubsetOf([1, 2]);
        totalen.Should().Contain(g => g.Totaal == TotaalSuppletoire);
        (await JenVUitgaven2026(client)).Should().Be(TotaalSuppletoire);
    }

    // ---------------------------------------------------------------- SIGHUP

    /// <summary>
    /// A release switched by a symbolic link (data → release-2) is a change the watcher cannot see: it watches the folder the link
    /// named when the service started. SIGHUP makes the service read its data folder again.
    /// </summary>
    [Fact]
    public async Task SIGHUP_herlaadt_wat_de_bewaker_niet_ziet()
    {
        var release1 = _map.KopieVanData();
        var release2 = Directory.CreateDirectory(_map["release-2"]).FullName;
        var data = _map["actueel"];
        File.CreateSymbolicLink(data, release1);
        await using var dienst = Dienstproces.Start(Importinstellingen(data, _map["db/budget.db"], _map["import"]));
        using var client = new HttpClient { BaseAddress = await dienst.Adres() };
        var oud = await Versie(client);
        Repo.KopieerDocument(release1, release2);
        Directory.CreateDirectory(Path.Combine(release2, "standen"));
        File.WriteAllText(Path.Combine(release2, "standen", "voorjaarsnota-2026.csv"), Proefstanden.EersteSuppletoire(await client.GetStringAsync(Proefstanden.ExportUrl)));

        // The link is replaced in one rename (mv -T), as a deployment switches releases.
        File.CreateSymbolicLink(_map["actueel.nieuw"], release2);
        using (var mv = Process.Start(new ProcessStartInfo("mv", ["-T", "-f", _map["actueel.nieuw"], data]))!)
        {
            await mv.WaitForExitAsync();
            mv.ExitCode.Should().Be(0);
        }
        new FileInfo(data).LinkTarget.Should().Be(release2);
        await Task.Delay(3000);
        await VorigeGegevensGeserveerd(client, oud, "the watcher did not see the switch (else this test proves nothing about SIGHUP)");

        dienst.Herlaad();
        (await Binnen(TimeSpan.FromSeconds(60), async () => await Versie(client) != oud)).Should().BeTrue("SIGHUP reloads");

        dienst.IsGestopt.Should().BeFalse("SIGHUP asks for a reload, not an exit");
        (await Gereed(client))["status"]!.GetValue<string>().Should().Be("gereed");
        (await JenVUitgaven2026(client)).Should().Be(TotaalSuppletoire);
        (await StandenJenV2026(client)).Should().Be(2);
        dienst.Uitvoer.Should().Contain($"Herladen (SIGHUP): versie {await Versie(client)} in gebruik");
        Meetverslag.Schrijf("SIGHUP: een release gewisseld met een symbolische link (onzichtbaar voor de bewaker) werd geladen; het proces liep door");
    }

    /// <summary>What SQLite's integrity check says of a database file ("ok", or the first damage it finds).</summary>
    private static string Integriteit(string database)
    {
        try
        {
            using var verbinding = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            verbinding.Open();
            using var controle = verbinding.CreateCommand();
            controle.CommandText = "PRAGMA integrity_check(1)";
            return controle.ExecuteScalar() as string ?? "";
        }
        catch (SqliteException fout)
        {
            return fout.Message;
        }
    }

    /// <summary>
    /// The files are unchanged but the database built from them is damaged under the running service (a disk error, a copy over it):
    /// SIGHUP builds it again, with the same version and figures, and readiness is ready (issue 18). A restart then reuses it.
    /// </summary>
    [Fact]
    public async Task SIGHUP_bouwt_een_beschadigde_database_van_dezelfde_versie_opnieuw()
    {
        var data = _map.KopieVanData();
        await using var dienst = Dienstproces.Start(Importinstellingen(data, _map["db/budget.db"], _map["import"]));
        using var client = new HttpClient { BaseAddress = await dienst.Adres() };
        var versie = await Versie(client);
        var totaal = await JenVUitgaven2026(client);
        var database = Directory.EnumerateFiles(_map["db"], "budget.*.db").Should().ContainSingle().Subject;

        // Every page but the first overwritten in place: the header still says SQLite, the tables are noise.
        using (var bestand = new FileStream(database, FileMode.Open, FileAccess.Write))
        {
            var ruis = new byte[bestand.Length - 4096];
            new Random(18).NextBytes(ruis);
            bestand.Position = 4096;
            bestand.Write(ruis);
        }
        // (The service's pooled connections may still answer from their page cache: the header's change counter is untouched.)
        Integriteit(database).Should().NotBe("ok", "the file is damaged");

        dienst.Herlaad();
        (await Binnen(TimeSpan.FromSeconds(120), () => Task.FromResult(dienst.Uitvoer.Contains($"Herladen (SIGHUP): versie {versie} in gebruik"))))
            .Should().BeTrue("SIGHUP builds the damaged database again");

        (await Gereed(client))["status"]!.GetValue<string>().Should().Be("gereed");
        (await Versie(client)).Should().Be(versie, "the same files are the same version");
        (await JenVUitgaven2026(client)).Should().Be(totaal);
        dienst.Uitvoer.Should().Contain("is beschadigd; hij wordt opnieuw gebouwd");
        dienst.IsGestopt.Should().BeFalse();
        Integriteit(database).Should().Be("ok");
        Directory.EnumerateFiles(_map["db"], "budget.*.db").Should().Equal([database], "rebuilt in place, nothing left beside it");
        Meetverslag.Schrijf("SIGHUP: een beschadigde database van dezelfde versie werd opnieuw gebouwd; zelfde versie en cijfers");
    }

    // ---------------------------------------------------------------- several instances on one shared import folder

    [Fact]
    public async Task Twee_instanties_op_een_gedeelde_importmap_komen_na_een_import_op_een_ervan_overeen()
    {
        var data = _map.KopieVanData();
        var import = _map["gedeeld/standen"];
        await using var a = Dienstproces.Start(Importinstellingen(data, _map["a/budget.db"], import));
        await using var b = Dienstproces.Start(Importinstellingen(data, _map["b/budget.db"], import));
        using var clientA = new HttpClient { BaseAddress = await a.Adres() };
        using var clientB = new HttpClient { BaseAddress = await b.Adres() };
        var oud = await Versie(clientA);
        (await Versie(clientB)).Should().Be(oud, "the same files and the same build are the same version on every instance");

        using var antwoord = await Importeer(clientA, Proefstanden.EersteSuppletoire(await clientA.GetStringAsync(Proefstanden.ExportUrl)));
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.Created, tekst);
        var nieuw = JsonNode.Parse(tekst)!["versie"]!.GetValue<string>();
        var klok = Stopwatch.StartNew();

        (await Binnen(TimeSpan.FromSeconds(60), async () => await Versie(clientB) == nieuw))
            .Should().BeTrue("the other instance's watcher sees the import in the shared folder and reloads");
        var wachttijd = klok.ElapsedMilliseconds;
        (await JenVUitgaven2026(clientB)).Should().Be(TotaalSuppletoire);
        var standA = (await Json(clientA, $"/v1/standen/{Proefstanden.Stand}"))["gegevens"]![0]!;
        var standB = (await Json(clientB, $"/v1/standen/{Proefstanden.Stand}"))["gegevens"]![0]!;
        standB["etag"]!.GetValue<string>().Should().Be(standA["etag"]!.GetValue<string>(), "both serve the same stand");
        standB["bronnen"]![0]!["geimporteerdDoor"]!.GetValue<string>().Should().Be("analist@dfez");
        Path.GetDirectoryName(_map["a/budget.db"]).Should().NotBe(Path.GetDirectoryName(_map["b/budget.db"]));
        Namen(_map["b"]).Should().Equal($"budget.{nieuw}.db");
        Meetverslag.Schrijf($"twee instanties op één gedeelde importmap: de andere diende de import na {wachttijd} ms (bewaker), zelfde versie en etag");
    }

    // ---------------------------------------------------------------- an import on an unwritable folder or a full disk

    private static async Task<JsonNode> Probleem(HttpResponseMessage antwoord, HttpStatusCode status)
    {
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(status, tekst);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonNode.Parse(tekst)!;
    }

    /// <summary>After a failed import: a 507 problem that names the folder and the reason; nothing stored, nothing left, the old data served.</summary>
    private static async Task ImportMislukt(HttpClient client, string inhoud, string detail, string versie, string import, string databasemap, string[] ookInImport)
    {
        using var antwoord = await Importeer(client, inhoud);
        var probleem = await Probleem(antwoord, HttpStatusCode.InsufficientStorage);
        probleem["title"]!.GetValue<string>().Should().Be("Het bestand kon niet worden opgeslagen");
        probleem["detail"]!.GetValue<string>().Should().Be(detail);
        probleem["detail"]!.GetValue<string>().Should().NotContainAny([import, databasemap, "/"], "a folder by its setting, never a path on the server");
        probleem["traceId"].Should().NotBeNull();
        probleem.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["type", "title", "status", "detail", "traceId"], "no internals");
        Namen(import).Should().BeEquivalentTo(ookInImport, "no stand file, no sidecar, no temporary file is left");
        Namen(databasemap).Where(n => n != "vulling").Should().Equal([$"budget.{versie}.db"], "the database built for the failed import is removed");
        await Task.Delay(1000); // what the watcher makes of the attempt
        await VorigeGegevensGeserveerd(client, versie, "a failed import changes nothing");
    }

    [Fact]
    public async Task Een_import_naar_een_onschrijfbare_map_is_een_507_met_de_map_en_de_vorige_gegevens_blijven()
    {
        var data = LeesbareKopieVanData();
        var databasemap = Directory.CreateDirectory(_map["db"]).FullName;
        var import = Directory.CreateDirectory(_map["import"]).FullName;
        foreach (var map in new[] { databasemap, import }) File.SetUnixFileMode(map, (UnixFileMode)0b111_111_111);
        await using var dienst = Dienstproces.Start(Importinstellingen(data, Path.Combine(databasemap, "budget.db"), import), alsGebruiker: AlsGewoneGebruiker);
        using var client = new HttpClient { BaseAddress = await dienst.Adres() };
        var versie = await Versie(client);
        var inhoud = Proefstanden.EersteSuppletoire(await client.GetStringAsync(Proefstanden.ExportUrl));
        var einde = $"Er is niets opgeslagen; versie {versie} blijft in gebruik.";

        AlleenLezen(import);
        await ImportMislukt(client, inhoud, $"Het bestand kon niet worden opgeslagen in de importmap (instelling Budget:ImportMap): geen toegang. {einde}", versie, import, databasemap, []);

        File.SetUnixFileMode(import, (UnixFileMode)0b111_111_111);
        AlleenLezen(databasemap);
        await ImportMislukt(client, inhoud, $"De database met het bestand kon niet worden gebouwd in de databasemap (instelling Budget:DatabasePad): geen toegang. {einde}", versie, import, databasemap, []);

        File.SetUnixFileMode(databasemap, (UnixFileMode)0b111_111_111);
        using (var antwoord = await Importeer(client, inhoud)) antwoord.StatusCode.Should().Be(HttpStatusCode.Created, await antwoord.Content.ReadAsStringAsync());
        (await JenVUitgaven2026(client)).Should().Be(TotaalSuppletoire, "with the folders writable again the same import is made");
        (await client.GetStringAsync("/metrics")).Should()
            .MatchRegex("budgetapi_imports_total\\{[^}]*uitkomst=\"mislukt\"[^}]*\\} 2\\b").And.MatchRegex("budgetapi_imports_total\\{[^}]*uitkomst=\"geslaagd\"[^}]*\\} 1\\b");
        Meetverslag.Schrijf($"import naar een onschrijfbare importmap en databasemap ({(AlsGewoneGebruiker is null ? "chmod" : "chmod, service als nobody")}): " +
                            "507 met de map (zonder pad), niets achtergelaten, de vorige versie geserveerd; daarna lukte de import");
    }

    [Fact]
    public async Task Een_import_op_een_volle_schijf_is_een_507_met_de_map_en_de_vorige_gegevens_blijven()
    {
        var databasemap = Directory.CreateDirectory(_map["db"]).FullName;
        var importschijf = Directory.CreateDirectory(_map["importschijf"]).FullName;
        var import = Path.Combine(importschijf, "standen");
        if (!Koppel(databasemap, "16m"))
        {
            Meetverslag.Schrijf("import op een volle schijf: geen tmpfs te koppelen (niet root of geen rechten); in plaats daarvan de onschrijfbare mappen");
            await Een_import_naar_een_onschrijfbare_map_is_een_507_met_de_map_en_de_vorige_gegevens_blijven();
            return;
        }
        try
        {
            Koppel(importschijf, "1m").Should().BeTrue();
            var data = _map.KopieVanData();
            await using var dienst = Dienstproces.Start(Importinstellingen(data, Path.Combine(databasemap, "budget.db"), import));
            using var client = new HttpClient { BaseAddress = await dienst.Adres() };
            var versie = await Versie(client);
            var inhoud = Proefstanden.EersteSuppletoire(await client.GetStringAsync(Proefstanden.ExportUrl));
            var einde = $"Er is niets opgeslagen; versie {versie} blijft in gebruik.";
            var databasegrootte = new FileInfo(Path.Combine(databasemap, $"budget.{versie}.db")).Length;

            // The import folder's disk full but for a page: the sidecar fits, the stand file does not. (The filler lies beside the
            // import folder: every file in it counts in the data version.)
            await File.WriteAllBytesAsync(Path.Combine(importschijf, "vulling"), new byte[new DriveInfo(import).AvailableFreeSpace - 4096]);
            await ImportMislukt(client, inhoud, $"Het bestand kon niet worden opgeslagen in de importmap (instelling Budget:ImportMap): de schijf is vol. {einde}", versie, import, databasemap, []);
            File.Delete(Path.Combine(importschijf, "vulling"));

            // The database folder full up to less than one database.
            await File.WriteAllBytesAsync(Path.Combine(databasemap, "vulling"), new byte[Math.Max(0, new DriveInfo(databasemap).AvailableFreeSpace - databasegrootte / 3)]);
            await ImportMislukt(client, inhoud, $"De database met het bestand kon niet worden gebouwd in de databasemap (instelling Budget:DatabasePad): de schijf is vol. {einde}", versie, import, databasemap, []);
            File.Delete(Path.Combine(databasemap, "vulling"));

            using (var antwoord = await Importeer(client, inhoud)) antwoord.StatusCode.Should().Be(HttpStatusCode.Created, await antwoord.Content.ReadAsStringAsync());
            (await JenVUitgaven2026(client)).Should().Be(TotaalSuppletoire, "with room again the same import is made");
            var metImport = await Versie(client);

            // A reload on a full disk: a failed reload like any other, named in readiness, the process keeps serving; SIGHUP once there is room.
            await File.WriteAllBytesAsync(Path.Combine(databasemap, "vulling"), new byte[Math.Max(0, new DriveInfo(databasemap).AvailableFreeSpace - databasegrootte / 3)]);
            Directory.CreateDirectory(Path.Combine(data, "standen"));
            Plaats(Path.Combine(data, "standen", "najaarsnota-2026.csv"), inhoud.Replace(",1e-suppletoire,", ",2e-suppletoire,", StringComparison.Ordinal));
            (await Binnen(TimeSpan.FromSeconds(60), async () => dienst.IsGestopt || (await Gereed(client))["laatsteHerlaadpoging"] is not null))
                .Should().BeTrue("the watcher reloads when a stand file is placed");
            dienst.IsGestopt.Should().BeFalse($"a reload that cannot write its database does not stop the service: {dienst.Fouten}");
            var gereed = await Gereed(client);
            gereed["status"]!.GetValue<string>().Should().Be("gereed-met-waarschuwing");
            gereed["gegevensversie"]!.GetValue<string>().Should().Be(metImport);
            gereed["laatsteHerlaadpoging"]!["problemen"]!.AsArray().Select(p => p!.GetValue<string>())
                .Should().ContainSingle().Which.Should().Be("de database kon niet worden gebouwd (instelling Budget:DatabasePad): de schijf is vol.",
                    "readiness is public: the setting, never the path");
            Namen(databasemap).Should().BeEquivalentTo([$"budget.{metImport}.db", "vulling"]);
            (await JenVUitgaven2026(client)).Should().Be(TotaalSuppletoire);

            File.Delete(Path.Combine(databasemap, "vulling"));
            dienst.Herlaad();
            (await Binnen(TimeSpan.FromSeconds(60), async () => (await Gereed(client))["status"]!.GetValue<string>() == "gereed"))
                .Should().BeTrue("SIGHUP after room is made loads the placed file");
            (await StandenJenV2026(client)).Should().Be(3);
            Meetverslag.Schrijf("import op een volle schijf (tmpfs: importmap 1 MiB, databasemap 16 MiB): 507 met het pad, niets achtergelaten, de vorige versie geserveerd; " +
                                "daarna lukte de import; herladen op de volle schijf: gereedheid 200 met de mislukking, het proces diende door, SIGHUP na opruimen laadde");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Ontkoppel(importschijf);
            Ontkoppel(databasemap);
        }
    }
}
