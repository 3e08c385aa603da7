using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace BudgetApi.Tests.Bedrijfsvoering;

/// <summary>
/// The service as operations meets it: a real process, real signals, real files, a full disk. Each test starts its own
/// process on a free loopback port and stops it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ProcesTests(ITestOutputHelper uitvoer) : IDisposable
{
    private readonly TijdelijkeMap _map = new();

    public void Dispose() => _map.Dispose();

    private static string[] Instellingen(string data, string database) => [$"--Budget:DataMap={data}", $"--Budget:DatabasePad={database}"];

    private static async Task<JsonNode> Json(HttpClient client, string url)
    {
        using var antwoord = await client.GetAsync(url);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: {tekst}");
        return JsonNode.Parse(tekst)!;
    }

    private static async Task<long> JenVUitgaven2026(HttpClient client) =>
        (await Json(client, "/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026"))["gegevens"]![0]!["bedrag"]!.GetValue<long>();

    private static string Hash(string pad) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(pad)));

    // ---------------------------------------------------------------- deployment

    [Fact]
    public async Task Een_gepubliceerde_build_draait_vanuit_elke_map_met_zijn_eigen_data_en_configureerbare_locaties()
    {
        var publicatie = _map["publicatie"];
        var configuratie = new DirectoryInfo(Path.GetDirectoryName(Dienstproces.Dll)!).Parent!.Name; // Debug or Release, as built
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Repo.Bestand("src/BudgetApi/BudgetApi.csproj"), "-c", configuratie, "--no-build", "-o", publicatie, "-nologo", "-v", "q"])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var publishUitvoer = await publish.StandardOutput.ReadToEndAsync() + await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        publish.ExitCode.Should().Be(0, publishUitvoer);
        Directory.EnumerateFiles(Path.Combine(publicatie, "data"), "*.csv").Select(Path.GetFileName)
            .Should().BeEquivalentTo(Directory.EnumerateFiles(Repo.DataMap, "*.csv").Select(Path.GetFileName), "the bundled data goes with the build");
        File.ReadAllBytes(Path.Combine(publicatie, "data", "bron", "introductiedossier-jenv-2026.txt")).Should().Equal(File.ReadAllBytes(Repo.Brondocument),
            "the document's text goes with the build, byte for byte: /v1/bronnen serves its lines");

        // Started from an unrelated folder, with no settings: data/ and var/ beside the application.
        var elders = Directory.CreateDirectory(_map["elders"]).FullName;
        await using (var dienst = Dienstproces.Start([], dll: Path.Combine(publicatie, "BudgetApi.dll"), werkmap: elders))
        {
            using var client = new HttpClient { BaseAddress = await dienst.Adres() };
            (await JenVUitgaven2026(client)).Should().Be(18_596_347);
            (await Json(client, "/health/ready"))["status"]!.GetValue<string>().Should().Be("gereed");
            Directory.EnumerateFiles(Path.Combine(publicatie, "var"), "budget.*.db").Should().ContainSingle("one database per version of the data, beside the application");
            Directory.Exists(Path.Combine(publicatie, "var", "standen")).Should().BeTrue("the import folder defaults to var/standen beside the database");
            Directory.EnumerateFileSystemEntries(elders).Should().BeEmpty("nothing is written in the current directory");
        }

        // The locations from the environment, as a service manager sets them.
        var staat = _map["staat"];
        await using (var dienst = Dienstproces.Start([], dll: Path.Combine(publicatie, "BudgetApi.dll"), werkmap: elders, omgeving: new Dictionary<string, string>
        {
            ["Budget__DatabasePad"] = Path.Combine(staat, "db", "budget.db"),
            ["Budget__ImportMap"] = Path.Combine(staat, "import"),
        }))
        {
            using var client = new HttpClient { BaseAddress = await dienst.Adres() };
            (await JenVUitgaven2026(client)).Should().Be(18_596_347);
            Directory.EnumerateFiles(Path.Combine(staat, "db"), "budget.*.db").Should().ContainSingle();
            Directory.Exists(Path.Combine(staat, "import")).Should().BeTrue();
        }
        Meetverslag.Schrijf("gepubliceerde build: gestart vanuit een andere map met zijn eigen data/, en met de locaties uit de omgeving");
    }

    [Fact]
    public async Task Een_ontbrekende_datamap_is_een_regel_en_exitcode_1()
    {
        var ontbreekt = _map["bestaat-niet"];
        await using var dienst = Dienstproces.Start(Instellingen(ontbreekt, _map["db/budget.db"]));

        (await dienst.WachtOpEinde()).Should().Be(1);
        dienst.Fouten.Should().Be($"BudgetApi start niet: de datamap bestaat niet: {ontbreekt} (instelling Budget:DataMap).");
        dienst.Uitvoer.Should().NotContain("luistert op");
        Meetverslag.Schrijf("ontbrekende datamap: één regel met het pad, exitcode 1");
    }

    /// <summary>As root permissions do not bind, so the service then runs as 'nobody' against a folder it may not write.</summary>
    private static string? AlsGewoneGebruiker => Environment.UserName == "root" ? "65534" : null;

    private string LeesbareKopieVanData()
    {
        var data = _map.KopieVanData();
        Lezen(_map.Pad);
        Lezen(data);
        Lezen(Path.Combine(data, "bron"));
        foreach (var bestand in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories)) File.SetUnixFileMode(bestand, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return data;
    }

    private static void Lezen(string map) => File.SetUnixFileMode(map, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    private static void AlleenLezen(string map) => File.SetUnixFileMode(map, UnixFileMode.UserRead | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

    [Theory]
    [InlineData("database")]
    [InlineData("import")]
    public async Task Een_onschrijfbare_map_is_een_regel_met_het_pad_en_exitcode_1(string welke)
    {
        var data = LeesbareKopieVanData();
        var alleenLezen = Directory.CreateDirectory(_map["alleen-lezen"]).FullName;
        var schrijfbaar = Directory.CreateDirectory(_map["schrijfbaar"]).FullName;
        Lezen(schrijfbaar);
        File.SetUnixFileMode(schrijfbaar, (UnixFileMode)0b111_111_111);
        AlleenLezen(alleenLezen);
        var database = welke == "database" ? Path.Combine(alleenLezen, "budget.db") : Path.Combine(schrijfbaar, "budget.db");
        var import = welke == "import" ? alleenLezen : Path.Combine(schrijfbaar, "standen");

        await using var dienst = Dienstproces.Start([.. Instellingen(data, database), $"--Budget:ImportMap={import}"], alsGebruiker: AlsGewoneGebruiker);

        (await dienst.WachtOpEinde()).Should().Be(1, dienst.Uitvoer);
        dienst.Fouten.Should().Be(welke == "database"
            ? $"BudgetApi start niet: de map van de database is niet schrijfbaar: {alleenLezen} (instelling Budget:DatabasePad): geen toegang."
            : $"BudgetApi start niet: de importmap is niet schrijfbaar: {alleenLezen} (instelling Budget:ImportMap): geen toegang.");
        dienst.Uitvoer.Should().NotContain("luistert op");
        Directory.EnumerateFileSystemEntries(alleenLezen).Should().BeEmpty();
        Meetverslag.Schrijf($"onschrijfbare {welke}map ({(AlsGewoneGebruiker is null ? "chmod" : "chmod, service als nobody")}): één regel met het pad, exitcode 1");
    }

    // ---------------------------------------------------------------- logs

    [Fact]
    public async Task Met_JSON_logs_is_elke_regel_een_JSON_object_en_draagt_het_traceId_van_het_probleem()
    {
        await using var dienst = Dienstproces.Start([.. Instellingen(Repo.DataMap, _map["budget.db"]), "--Budget:Logformaat=json"]);
        using var client = new HttpClient { BaseAddress = await dienst.Adres() };
        using var antwoord = await client.GetAsync("/v1/totalen?soort=geen");
        var traceId = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!["traceId"]!.GetValue<string>();
        dienst.Beeindig();
        (await dienst.WachtOpEinde()).Should().Be(0);

        var regels = dienst.Uitvoer.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => JsonNode.Parse(r)!).ToList();
        regels.Should().Contain(r => r["Category"]!.GetValue<string>() == "BudgetApi" && r["Message"]!.GetValue<string>().StartsWith("BudgetApi luistert op http://127.0.0.1:", StringComparison.Ordinal));
        var verzoek = regels.Single(r => r["Category"]!.GetValue<string>() == "BudgetApi.Verzoeken");
        verzoek["State"]!["Status"]!.GetValue<int>().Should().Be(400);
        verzoek["State"]!["Pad"]!.GetValue<string>().Should().Be("/v1/totalen");
        verzoek["Scopes"]!.AsArray().Select(s => s!["TraceId"]?.GetValue<string>()).Should().Contain(traceId);
        verzoek["Scopes"]!.AsArray().Select(s => s!["RequestId"]?.GetValue<string>()).Should().Contain(id => id != null && id.Length > 0);
    }

    // ---------------------------------------------------------------- bad data at start

    [Theory]
    [InlineData("ontbrekend")]
    [InlineData("afgebroken")]
    [InlineData("onzin")]
    public async Task Kapotte_data_bij_de_start_noemt_elk_probleem_en_er_wordt_niets_geserveerd(string soort)
    {
        var data = _map.KopieVanData();
        string verwacht;
        switch (soort)
        {
            case "ontbrekend":
                File.Delete(Path.Combine(data, "bezetting.csv"));
                verwacht = "data/bezetting.csv:0:0: ";
                break;
            case "afgebroken":
                // Cut in the middle of a line, as a copy that was interrupted leaves it.
                var artikelen = File.ReadAllBytes(Path.Combine(data, "artikelen.csv"));
                File.WriteAllBytes(Path.Combine(data, "artikelen.csv"), artikelen[..(artikelen.Length / 2)]);
                var regels = Encoding.UTF8.GetString(artikelen[..(artikelen.Length / 2)]).Split('\n');
                verwacht = $"data/artikelen.csv:{regels.Length}:";
                break;
            default:
                File.WriteAllBytes(Path.Combine(data, "begrotingen.csv"), RandomNumberGenerator.GetBytes(4000));
                verwacht = "data/begrotingen.csv:1:0: de kolom 'begroting' ontbreekt in de kopregel";
                break;
        }
        await using var dienst = Dienstproces.Start(Instellingen(data, _map["budget.db"]));

        (await dienst.WachtOpEinde()).Should().Be(1);
        dienst.Fouten.Should().Contain(verwacht);
        dienst.Fouten.Should().Contain($"BudgetApi start niet: ").And.Contain($"De vorige database ({_map["budget.db"]}) is ongewijzigd.");
        dienst.Fouten.Should().NotContain("   at ", "problems, not a stack trace");
        dienst.Uitvoer.Should().NotContain("luistert op");
        Directory.EnumerateFiles(_map.Pad, "budget*.db").Should().BeEmpty("nothing is built from broken data");
        uitvoer.WriteLine(dienst.Fouten);
        Meetverslag.Schrijf($"kapotte data bij de start ({soort}): exitcode 1, {dienst.Fouten.Split('\n').Length} regels met de problemen, niets geserveerd");
    }

    // ---------------------------------------------------------------- a load killed midway

    /// <summary>
    /// A data folder whose database takes seconds to build (many extra waarvan lines under JenV artikel 31, each a valid row),
    /// so that the build can be caught midway without a hook in the service.
    /// </summary>
    private string GroteData(int extraRegels)
    {
        var data = Path.Combine(_map.Pad, "groot");
        Repo.KopieerDocument(Repo.DataMap, data);
        var regels = new StringBuilder(File.ReadAllText(Path.Combine(data, "waarvanregels.csv")));
        for (var i = 0; i < extraRegels; i++) regels.Append(Invariant($"JenV,uitgaven,31,Proefregel {i},1,1,1,1,1,A. Uitgaven JenV,474\n"));
        File.WriteAllText(Path.Combine(data, "waarvanregels.csv"), regels.ToString());
        return data;
    }

    private static string Invariant(FormattableString tekst) => tekst.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Een_lading_die_halverwege_wordt_gedood_laat_de_vorige_database_heel_en_de_herstart_ruimt_op()
    {
        var database = _map["db/budget.db"];
        await using (var eerste = Dienstproces.Start(Instellingen(Repo.DataMap, database)))
        {
            await eerste.Adres();
        }
        var map = Path.GetDirectoryName(database)!;
        // Each version of the data has its own file (budget.<versie>.db): the one this data made is the previous database.
        var bestand = Directory.EnumerateFiles(map, "budget.*.db").Single();
        var vorige = Hash(bestand);

        // Kill the build as soon as its temporary file is being written; retry with more rows if it was too quick to catch.
        var gevangen = false;
        for (var poging = 0; poging < 4 && !gevangen; poging++)
        {
            var data = GroteData(60_000 * (poging + 1));
            await using var dienst = Dienstproces.Start(Instellingen(data, database));
            var klok = Stopwatch.StartNew();
            while (klok.Elapsed < TimeSpan.FromSeconds(60) && !dienst.IsGestopt)
            {
                if (Directory.EnumerateFiles(map, "budget.*.db.*.bouw").Any(f => new FileInfo(f).Length > 0))
                {
                    dienst.Dood();
                    await dienst.WachtOpEinde();
                    gevangen = Directory.EnumerateFiles(map, "budget.*.db.*.bouw*").Any();
                    break;
                }
                await Task.Delay(1);
            }
            Directory.Delete(data, recursive: true);
            uitvoer.WriteLine($"poging {poging + 1}: {(gevangen ? "gedood tijdens het bouwen" : "te snel")}, {klok.ElapsedMilliseconds} ms");
        }
        gevangen.Should().BeTrue("the process was killed while it built the database");
        Meetverslag.Schrijf("lading gedood tijdens het bouwen (SIGKILL): de vorige database bleef heel, de herstart ruimde op en serveerde");

        Hash(bestand).Should().Be(vorige, "the previous database is untouched");
        await using (var verbinding = new SqliteConnection($"Data Source={bestand};Mode=ReadOnly;Pooling=False"))
        {
            await verbinding.OpenAsync();
            await using var controle = verbinding.CreateCommand();
            controle.CommandText = "PRAGMA integrity_check";
            (await controle.ExecuteScalarAsync()).Should().Be("ok");
        }

        await using var herstart = Dienstproces.Start(Instellingen(Repo.DataMap, database));
        using var client = new HttpClient { BaseAddress = await herstart.Adres() };
        (await JenVUitgaven2026(client)).Should().Be(18_596_347);
        Directory.EnumerateFiles(map).Select(Path.GetFileName).Should().Equal([Path.GetFileName(bestand)], "the restart removed the half-built file and its journal");
    }

    // ---------------------------------------------------------------- a full disk

    private static bool Koppel(string map, string grootte)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return false;
        var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", $"size={grootte}", "tmpfs", map]) { RedirectStandardError = true })!;
        mount.WaitForExit();
        return mount.ExitCode == 0;
    }

    private static void Ontkoppel(string map)
    {
        using var umount = Process.Start(new ProcessStartInfo("umount", ["-l", map]))!;
        umount.WaitForExit();
    }

    [Fact]
    public async Task Op_een_volle_schijf_faalt_de_lading_met_het_pad_en_de_vorige_database_blijft_heel_en_geserveerd()
    {
        var schijf = Directory.CreateDirectory(_map["schijf"]).FullName;
        if (!Koppel(schijf, "4m"))
        {
            // No tmpfs here (not root, or no mount rights): the same promise for a folder the service may not write.
            Meetverslag.Schrijf("volle schijf: geen tmpfs te koppelen (niet root of geen rechten); in plaats daarvan de onschrijfbare map");
            await Een_onschrijfbare_map_is_een_regel_met_het_pad_en_exitcode_1("database");
            return;
        }
        try
        {
            var database = Path.Combine(schijf, "budget.db");
            var data = _map.KopieVanData();
            await using var bestaand = Dienstproces.Start(Instellingen(data, database));
            using var client = new HttpClient { BaseAddress = await bestaand.Adres() };
            (await JenVUitgaven2026(client)).Should().Be(18_596_347);
            var bestand = Directory.EnumerateFiles(schijf, "budget.*.db").Single();
            var vorige = Hash(bestand);

            // Fill the disk up to less than one database.
            var vrij = new DriveInfo(schijf).AvailableFreeSpace;
            await File.WriteAllBytesAsync(Path.Combine(schijf, "vulling"), new byte[Math.Max(0, vrij - new FileInfo(bestand).Length / 3)]);

            // Other data (one figure changed) is another version: it needs a database of its own, which does not fit.
            var andere = Path.Combine(_map.Pad, "andere-data");
            Repo.KopieerDocument(data, andere);
            File.WriteAllText(Path.Combine(andere, "artikelen.csv"), File.ReadAllText(Path.Combine(andere, "artikelen.csv")).Replace("8843848", "8843849"));
            await using var tweede = Dienstproces.Start(Instellingen(andere, database));
            (await tweede.WachtOpEinde()).Should().Be(1, tweede.Uitvoer);
            tweede.Fouten.Should().Be($"BudgetApi start niet: de database kon niet worden gebouwd in {schijf} (instelling Budget:DatabasePad): " +
                                      $"de schijf is vol. De vorige database ({database}) is ongewijzigd.");

            Hash(bestand).Should().Be(vorige);
            Directory.EnumerateFiles(schijf).Select(Path.GetFileName).Should().BeEquivalentTo([Path.GetFileName(bestand), "vulling"], "the failed build cleaned up after itself");
            (await JenVUitgaven2026(client)).Should().Be(18_596_347, "the running service keeps serving the previous database");
            Meetverslag.Schrijf("volle schijf: tmpfs van 4 MiB; de lading faalde met het pad, de vorige database bleef heel en geserveerd");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Ontkoppel(schijf);
        }
    }

    // ---------------------------------------------------------------- SIGTERM under load

    [Fact]
    public async Task SIGTERM_onder_belasting_maakt_elk_begonnen_antwoord_heel_af_en_weigert_nieuwe_verbindingen()
    {
        await using var dienst = Dienstproces.Start([.. Instellingen(Repo.DataMap, _map["budget.db"]), "--Budget:Snelheidslimiet:PerMinuut=0",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"]);
        var adres = await dienst.Adres();
        using var client = new HttpClient { BaseAddress = adres };
        var bundel = await client.GetByteArrayAsync("/swagger/swagger-ui-bundle.js");
        string[] urls =
        [
            "/v1/bedragen?paginaGrootte=1000", "/v1/bedragen?paginaGrootte=1000&formaat=csv", "/v1/totalen?begroting=JenV&begroting=AenM&groepering=artikel",
            "/v1/aansluitingen", "/v1/aandelen?begroting=JenV&niveau=waarvan", "/v1/openapi.json", "/v1/begrotingen/JenV/artikelen",
        ];

        // Slow readers: a large body read a few bytes at a time keeps its request in flight in the server when SIGTERM comes.
        var traag = Enumerable.Range(0, 4).Select(_ => TraagLezen(adres, "/swagger/swagger-ui-bundle.js")).ToList();
        foreach (var t in traag) await t.Begonnen;

        using var stop = new CancellationTokenSource();
        var klok = Stopwatch.StartNew();
        long signaal = long.MaxValue;
        var heel = 0;
        var geweigerd = 0;
        var overDeGrens = 0;
        var fouten = new List<string>();
        async Task Belast()
        {
            using var eigen = new HttpClient { BaseAddress = adres };
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var url = urls[i % urls.Length];
                var begin = klok.ElapsedTicks;
                HttpResponseMessage antwoord;
                try
                {
                    antwoord = await eigen.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref geweigerd); // no answer began: the connection was refused or closed before a response
                    await Task.Delay(5);
                    continue;
                }
                using (antwoord)
                {
                    try
                    {
                        var lichaam = await antwoord.Content.ReadAsByteArrayAsync();
                        if ((int)antwoord.StatusCode >= 500) throw new InvalidOperationException($"{(int)antwoord.StatusCode}");
                        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
                        if (antwoord.Content.Headers.ContentType!.MediaType == "application/json") JsonDocument.Parse(lichaam).Dispose();
                        else Encoding.UTF8.GetString(lichaam).Should().EndWith("\r\n");
                        if (antwoord.Content.Headers.ContentLength is { } lengte) lichaam.Length.Should().Be((int)lengte);
                        Interlocked.Increment(ref heel);
                        // Sent before the signal, answered after it: in flight when SIGTERM came.
                        if (begin < Interlocked.Read(ref signaal) && klok.ElapsedTicks > Interlocked.Read(ref signaal)) Interlocked.Increment(ref overDeGrens);
                    }
                    catch (Exception fout)
                    {
                        lock (fouten) fouten.Add($"{url}: {fout.GetType().Name}: {fout.Message}");
                    }
                }
            }
        }
        var belasting = Enumerable.Range(0, 16).Select(_ => Task.Run(Belast)).ToList();
        for (var wacht = Stopwatch.StartNew(); Volatile.Read(ref heel) < 40 && wacht.Elapsed < TimeSpan.FromSeconds(15);) await Task.Delay(50);
        var voorStop = heel;

        Interlocked.Exchange(ref signaal, klok.ElapsedTicks);
        dienst.Beeindig();
        (await dienst.WachtOpEinde(TimeSpan.FromSeconds(40))).Should().Be(0, "a stop on SIGTERM is a clean exit");
        var verbindingGeweigerd = false;
        using (var tcp = new TcpClient())
        {
            try { await tcp.ConnectAsync(adres.Host, adres.Port); }
            catch (SocketException) { verbindingGeweigerd = true; }
        }
        stop.Cancel();
        await Task.WhenAll(belasting);
        foreach (var t in traag) t.Snel();
        var lichamen = await Task.WhenAll(traag.Select(t => t.Lichaam));

        uitvoer.WriteLine($"{voorStop} heel voor SIGTERM, {heel} heel in totaal, {overDeGrens} onderweg tijdens SIGTERM en heel, {geweigerd} niet begonnen (geweigerd), {lichamen.Length} trage lezers heel.");
        Meetverslag.Schrijf($"sigterm onder belasting: {heel} antwoorden heel, waarvan {overDeGrens} onderweg bij SIGTERM; {lichamen.Length} trage lezers heel; {geweigerd} verzoeken na SIGTERM geweigerd; {fouten.Count} afgebroken of 5xx");
        fouten.Should().BeEmpty("every answer that began is whole: never a 5xx, never a truncated body");
        verbindingGeweigerd.Should().BeTrue("after SIGTERM the service accepts no new connections");
        voorStop.Should().BeGreaterThanOrEqualTo(40, "the service was under load when the signal came");
        overDeGrens.Should().BeGreaterThan(0, "some requests were in flight when the signal came, and they were answered whole");
        foreach (var lichaam in lichamen) lichaam.Should().Equal(bundel, "a body on its way at SIGTERM arrives whole");
    }

    /// <summary>A GET over a raw socket with a small receive buffer, read slowly until <see cref="Snel"/> is called.</summary>
    private sealed class TraagLezer
    {
        private readonly TaskCompletionSource _begonnen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _snel;

        public Task Begonnen => _begonnen.Task;

        public Task<byte[]> Lichaam { get; private set; } = null!;

        public TraagLezer Start(Uri adres, string pad)
        {
            Lichaam = Task.Run(() => Lees(adres, pad));
            return this;
        }

        public void Snel() => _snel = true;

        public async Task<byte[]> Lees(Uri adres, string pad)
        {
            using var tcp = new TcpClient { ReceiveBufferSize = 4096 };
            await tcp.ConnectAsync(adres.Host, adres.Port);
            var stroom = tcp.GetStream();
            await stroom.WriteAsync(Encoding.ASCII.GetBytes($"GET {pad} HTTP/1.1\r\nHost: {adres.Authority}\r\nConnection: close\r\n\r\n"));
            var alles = new MemoryStream();
            var buffer = new byte[512];
            int gelezen;
            while ((gelezen = await stroom.ReadAsync(buffer)) > 0)
            {
                alles.Write(buffer, 0, gelezen);
                _begonnen.TrySetResult();
                if (!_snel) await Task.Delay(20);
            }
            var bytes = alles.ToArray();
            var einde = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
            var kop = Encoding.ASCII.GetString(bytes, 0, einde);
            kop.Should().StartWith("HTTP/1.1 200");
            return bytes[(einde + 4)..];
        }
    }

    private static TraagLezer TraagLezen(Uri adres, string pad) => new TraagLezer().Start(adres, pad);
}
