using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using static BudgetApi.Tests.Infrastructuur.Antwoorden;

namespace BudgetApi.Tests.Api;

/// <summary>The service with its own copy of data/, database and import folder: an import changes them, so no other test shares them.</summary>
public sealed class ImportFactory(TijdelijkeMap map) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Budget:DataMap", Path.Combine(map.Pad, "data"));
        builder.UseSetting("Budget:DatabasePad", map["var/budget.db"]);
        builder.UseSetting("Budget:ImportMap", map["var/standen"]);
        builder.UseSetting("Budget:Snelheidslimiet:PerMinuut", "0"); // the readers of one test send more than a person does
        foreach (var (sleutel, waarde) in Tokens.Instellingen()) builder.UseSetting(sleutel, waarde);
    }
}

/// <summary>
/// Importing a stand over HTTP (POST /v1/standen): only with a valid token and the import role; a broken file is refused whole
/// with every problem; the same file again changes nothing; another version of a stand needs If-Match; a restart serves what was
/// imported; readers during an import see whole versions only. The stand imported is the project's own format: JenV's
/// ontwerpbegroting 2026 exported from /v1/bedragen as CSV and made into a 1e suppletoire with one mutation.
/// </summary>
public sealed class ImportTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();
    private ImportFactory _factory;
    private HttpClient _client;

    public ImportTests()
    {
        _map.KopieVanData();
        _factory = new ImportFactory(_map);
        _client = _factory.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _map.Dispose();
    }

    /// <summary>JenV's ontwerpbegroting 2026 as the API exports it, made into the 1e suppletoire 2026 with artikel 31 raised by 25.000 in 2026.</summary>
    private Task<string> EersteSuppletoire(long verhoging = 25_000) => Stand("1e-suppletoire", new Dictionary<int, long> { [2026] = verhoging });

    /// <summary>JenV's ontwerpbegroting 2026 as the API exports it, as another fase, with artikel 31's uitgaven raised in the given years.</summary>
    private async Task<string> Stand(string naarFase, IReadOnlyDictionary<int, long> verhogingen) =>
        Proefstanden.AlsFase(Encoding.UTF8.GetString(await _client.GetByteArrayAsync(Proefstanden.ExportUrl)), naarFase, verhogingen);



    private string Versie => _factory.Services.GetRequiredService<Gegevensbron>().Huidig!.Versie;

    /// <summary>
    /// The file picker's way (Swagger UI, a browser form): multipart/form-data with the file as its part 'bestand', named by the file's own
    /// name when there is no bestandsnaam. The same stand as the raw body gives; a form without the part is a 400 naming the body.
    /// </summary>
    [Fact]
    public async Task Een_bestand_als_multipart_deel_wordt_geimporteerd_onder_zijn_eigen_naam()
    {
        var inhoud = await EersteSuppletoire();
        using var formulier = new MultipartFormDataContent();
        var deel = new ByteArrayContent(Encoding.UTF8.GetBytes(inhoud));
        deel.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        formulier.Add(deel, "bestand", "voorjaarsnota-2026.csv");
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen") { Content = formulier };
        verzoek.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.Maak());
        var antwoord = await _client.SendAsync(verzoek);
        var body = await Json(antwoord, HttpStatusCode.Created);
        body.Tekst("bestand").Should().StartWith("voorjaarsnota-2026-");
        body["standen"]![0]!.Tekst("stand").Should().Be("VI-2026-1e-suppletoire");
        // The same file again, now as the raw body: the same stand, unchanged.
        (await Json(await _client.Importeer(inhoud, Tokens.Maak()), HttpStatusCode.OK)).Tekst("uitkomst").Should().Be("ongewijzigd");

        using var leeg = new MultipartFormDataContent { { new StringContent("x"), "iets-anders" } };
        using var zonderDeel = new HttpRequestMessage(HttpMethod.Post, "/v1/standen") { Content = leeg };
        zonderDeel.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.Maak());
        (await (await _client.SendAsync(zonderDeel)).AlsProbleem(HttpStatusCode.BadRequest)).OngeldigeParameters().Should().Equal("body");
    }

    /// <summary>The stored files, without the import lock (docs/standen.md).</summary>
    private IEnumerable<string> Importbestanden => Directory.Exists(_map["var/standen"])
        ? Directory.EnumerateFiles(_map["var/standen"]).Select(p => Path.GetFileName(p)).Where(n => n != Standbestandsmappen.Slotbestand) : [];

    [Fact]
    public async Task Na_een_import_heeft_elk_antwoord_een_nieuwe_ETag_en_wordt_niets_verouderd_geserveerd()
    {
        string[] urls =
        [
            "/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026", "/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026&formaat=csv",
            "/v1/begrotingen", "/v1/standen", "/v1/aansluitingen", "/v1/organisaties/DJI", "/v1/bevindingen?begroting=AenM",
        ];
        var voor = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var antwoord = await _client.GetAsync(url);
            antwoord.StatusCode.Should().Be(HttpStatusCode.OK, url);
            voor[url] = antwoord.Headers.ETag!.Tag;
            // The answer is now in the output cache, and its tag is a 304 until the data changes.
            using var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
            verzoek.Headers.TryAddWithoutValidation("If-None-Match", voor[url]);
            (await _client.SendAsync(verzoek)).StatusCode.Should().Be(HttpStatusCode.NotModified, url);
        }

        await Json(await _client.Importeer(await EersteSuppletoire(), Tokens.Maak(), "?bestandsnaam=voorjaarsnota-2026.csv"), HttpStatusCode.Created);

        foreach (var url in urls)
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Get, url);
            verzoek.Headers.TryAddWithoutValidation("If-None-Match", voor[url]);
            var na = await _client.SendAsync(verzoek);
            na.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: a tag of the data before the import never gets a 304");
            na.Headers.ETag!.Tag.Should().NotBe(voor[url], $"{url}: the import made a new data version, and every answer's tag names it");
        }
        // Not the cached answer of before: the default stand of JenV 2026 is now the 1e suppletoire, 25.000 higher.
        var (totalen, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026");
        totalen.Single()!["bedrag"]!.GetValue<long>().Should().Be(18_596_347 + 25_000);
    }

    [Fact]
    public async Task Een_nieuwe_stand_komt_erbij_met_wie_en_wanneer_en_de_mutatie_staat_in_mutaties()
    {
        var voor = DateTimeOffset.UtcNow.AddSeconds(-1);

        var antwoord = await _client.Importeer(await EersteSuppletoire(), Tokens.Maak(naam: "analist@dfez"), "?bestandsnaam=voorjaarsnota-2026.csv&fase=1e-suppletoire");

        var body = await Json(antwoord, HttpStatusCode.Created);
        antwoord.Headers.Location!.ToString().Should().Be("/v1/standen/VI-2026-1e-suppletoire");
        body.Tekst("uitkomst").Should().Be("nieuw");
        body.Tekst("formaat").Should().Be("standen-csv");
        body["standen"]!.AsArray().Select(s => (s!.Tekst("stand"), s!.Tekst("uitkomst"))).Should().Equal(("VI-2026-1e-suppletoire", "nieuw"));

        var (standen, _) = await _client.GetLijst("/v1/standen?begroting=JenV&begrotingsjaar=2026");
        standen.Select(s => s!.Tekst("fase")).Should().Equal("ontwerpbegroting", "1e-suppletoire");
        var bron = standen[1]!["bronnen"]!.AsArray().Single()!;
        bron.Tekst("formaat").Should().Be("standen-csv");
        bron.Tekst("naam").Should().StartWith("voorjaarsnota-2026-").And.EndWith(".csv");
        bron.Tekst("geimporteerdDoor").Should().Be("analist@dfez");
        DateTimeOffset.Parse(bron.Tekst("geimporteerdOp"), CultureInfo.InvariantCulture).Should().BeOnOrAfter(voor);

        // The default stand of JenV is now the 1e suppletoire (the latest fase of 2026), with artikel 31 raised.
        var (totalen, metadata) = await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026");
        metadata.Tekst("stand").Should().Be("1e suppletoire 2026");
        totalen.Single()!.Bedrag("bedrag").Should().Be(18_596_347 + 25_000);
        var (ontwerp, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&fase=ontwerpbegroting&vanJaar=2026&totJaar=2026");
        ontwerp.Single()!.Bedrag("bedrag").Should().Be(18_596_347, "the ontwerpbegroting is still there, as it was");

        var (mutaties, _) = await _client.GetLijst("/v1/mutaties?begroting=JenV&begrotingsjaar=2026&van=ontwerpbegroting&naar=1e-suppletoire&jaar=2026");
        var artikel31 = mutaties.Single(m => m!["artikel"]?.GetValue<int>() == 31)!;
        (artikel31.Bedrag("bedragVan"), artikel31.Bedrag("bedragNaar"), artikel31.Bedrag("mutatie")).Should().Be((8_843_848, 8_868_848, 25_000));
        mutaties.Where(m => m!["artikel"]?.GetValue<int>() != 31 && m!.Tekst("regelsoort") != "totaal").Should().OnlyContain(m => m!.Bedrag("mutatie") == 0);
        mutaties.Single(m => m!.Tekst("regelsoort") == "totaal")!.Bedrag("mutatie").Should().Be(25_000);
        Importbestanden.Should().HaveCount(2, "the stand file and its sidecar");
    }

    [Fact]
    public async Task Een_tweede_suppletoire_die_een_later_jaar_wijzigt_is_een_bevinding()
    {
        // The Najaarsnota carries only mutaties for the uitvoeringsjaar: a 2e suppletoire 2026 that also changes 2027 and 2028
        // against the stand before it (here the ontwerpbegroting) breaks the rule of the cycle; one that changes 2026 only does not.
        await Json(await _client.Importeer(await Stand("2e-suppletoire", new Dictionary<int, long> { [2026] = 10_000, [2027] = 7_000, [2028] = -3_000 }), Tokens.Maak()), HttpStatusCode.Created);

        var (bevindingen, _) = await _client.GetLijst("/v1/bevindingen?soort=najaarsnota-meerjarig");
        var bevinding = bevindingen.Should().ContainSingle().Subject!;
        (bevinding.Tekst("id"), bevinding.Tekst("ernst"), bevinding.Tekst("begroting"), bevinding.Tekst("fase"))
            .Should().Be(("najaarsnota-meerjarig/VI-2026-2e-suppletoire/uitgaven/31", "twijfel", "JenV", "2e-suppletoire"));
        bevinding.Tekst("uitleg").Should().Contain("2027 7.000").And.Contain("2028 -3.000").And.NotContain("2026 10.000");
        bevinding["cijfers"]!.AsArray().Select(c => (c!.Bedrag("jaar"), c!.Bedrag("waarde"))).Should().Equal(
            (2027L, 8_821_547L), (2027L, 8_828_547L), (2028L, 8_782_449L), (2028L, 8_779_449L));
        bevinding.Tekst("berekening").Should().Be("2027: 8.828.547 − 8.821.547 = 7.000; 2028: 8.779.449 − 8.782.449 = -3.000");
    }

    [Fact]
    public async Task Een_tweede_suppletoire_van_alleen_het_uitvoeringsjaar_is_geen_bevinding()
    {
        await Json(await _client.Importeer(await Stand("2e-suppletoire", new Dictionary<int, long> { [2026] = 10_000 }), Tokens.Maak()), HttpStatusCode.Created);

        (await _client.GetLijst("/v1/bevindingen?soort=najaarsnota-meerjarig")).Gegevens.Should().BeEmpty();
        (await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026")).Gegevens.Single()!.Bedrag("bedrag").Should().Be(18_596_347 + 10_000);
    }

    [Fact]
    public async Task Hetzelfde_bestand_opnieuw_verandert_niets()
    {
        var inhoud = await EersteSuppletoire();
        await Json(await _client.Importeer(inhoud, Tokens.Maak()), HttpStatusCode.Created);
        var versie = Versie;
        var bestanden = Importbestanden.ToList();

        var body = await Json(await _client.Importeer(inhoud, Tokens.Maak()), HttpStatusCode.OK);

        body.Tekst("uitkomst").Should().Be("ongewijzigd");
        body["standen"]![0]!.Tekst("uitkomst").Should().Be("ongewijzigd");
        Versie.Should().Be(versie);
        Importbestanden.Should().Equal(bestanden);
    }

    [Fact]
    public async Task Een_andere_versie_van_de_stand_vraagt_de_huidige_etag_in_if_match()
    {
        await Json(await _client.Importeer(await EersteSuppletoire(25_000), Tokens.Maak()), HttpStatusCode.Created);
        var (stand, _) = await _client.GetLijst("/v1/standen/VI-2026-1e-suppletoire");
        var etag = stand.Single()!.Tekst("etag");
        var nieuw = await EersteSuppletoire(30_000);

        var conflict = await (await _client.Importeer(nieuw, Tokens.Maak())).AlsProbleem(HttpStatusCode.Conflict);
        conflict.Tekst("detail").Should().Contain("VI-2026-1e-suppletoire").And.Contain(etag);
        var verouderd = await (await _client.Importeer(nieuw, Tokens.Maak(), ifMatch: "\"verouderd\"")).AlsProbleem(HttpStatusCode.PreconditionFailed);
        verouderd.Tekst("detail").Should().Contain($"nu {etag}");
        (await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026")).Gegevens.Single()!.Bedrag("bedrag").Should().Be(18_596_347 + 25_000);

        var body = await Json(await _client.Importeer(nieuw, Tokens.Maak(), ifMatch: etag), HttpStatusCode.OK);

        body["standen"]![0]!.Tekst("uitkomst").Should().Be("vervangen");
        body["standen"]![0]!.Tekst("etag").Should().NotBe(etag);
        (await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026")).Gegevens.Single()!.Bedrag("bedrag").Should().Be(18_596_347 + 30_000);
        (await _client.GetLijst("/v1/standen/VI-2026-1e-suppletoire")).Gegevens.Single()!["bronnen"]!.AsArray().Should().ContainSingle("the newer import replaces the older for this stand");
    }

    [Fact]
    public async Task Een_kapot_bestand_wordt_geheel_geweigerd_met_elk_probleem_en_niets_verandert()
    {
        var versie = Versie;
        var regels = (await EersteSuppletoire()).Split("\r\n").ToList();
        regels[3] = regels[3].Replace("uitgaven", "uitgave");
        regels[5] = regels[5].Replace(",1e-suppletoire,", ",najaarsnota,");
        var kapot = string.Join("\r\n", regels);

        var probleem = await (await _client.Importeer(kapot, Tokens.Maak())).AlsProbleem(HttpStatusCode.BadRequest);

        var problemen = probleem["problemen"]!.AsArray().Select(p => (p!["regel"]!.GetValue<int>(), p["melding"]!.GetValue<string>())).ToList();
        problemen.Should().Contain(p => p.Item1 == 4 && p.Item2.Contains("uitgave")).And.Contain(p => p.Item1 == 6 && p.Item2.Contains("najaarsnota"));
        probleem.Tekst("detail").Should().Contain("er is niets opgeslagen");
        Versie.Should().Be(versie);
        Importbestanden.Should().BeEmpty();
        (await _client.GetLijst("/v1/standen?begroting=JenV&begrotingsjaar=2026")).Gegevens.Should().ContainSingle();
    }

    [Fact]
    public async Task Een_fase_die_niet_die_van_het_verzoek_is_wordt_geweigerd()
    {
        var probleem = await (await _client.Importeer(await EersteSuppletoire(), Tokens.Maak(), "?fase=2e-suppletoire")).AlsProbleem(HttpStatusCode.BadRequest);

        probleem["problemen"]!.AsArray().Should().NotBeEmpty();
        probleem["problemen"]![0]!["melding"]!.GetValue<string>().Should().Contain("1e-suppletoire").And.Contain("2e-suppletoire");
        Importbestanden.Should().BeEmpty();
    }

    // The cases by name: each token is made when its test runs, not when the tests are discovered, since a valid token lives ten
    // minutes and a whole run on a busy machine takes longer (a "zonder de rol" token made at discovery had expired by its turn,
    // and the test got 401 where it asserts 403).
    public static TheoryData<string, HttpStatusCode> OngeldigeTokens() => new()
    {
        { "geen token", HttpStatusCode.Unauthorized },
        { "verkeerde handtekening", HttpStatusCode.Unauthorized },
        { "verkeerde uitgever", HttpStatusCode.Unauthorized },
        { "verkeerd publiek", HttpStatusCode.Unauthorized },
        { "verlopen", HttpStatusCode.Unauthorized },
        { "zonder de rol", HttpStatusCode.Forbidden },
    };

    private static string? OngeldigToken(string geval) => geval switch
    {
        "geen token" => null,
        "verkeerde handtekening" => Tokens.Maak(andereSleutel: true),
        "verkeerde uitgever" => Tokens.Maak(uitgever: "https://idp.elders.nl"),
        "verkeerd publiek" => Tokens.Maak(publiek: "een-andere-api"),
        "verlopen" => Tokens.Maak(verloopt: DateTime.UtcNow.AddMinutes(-30)),
        "zonder de rol" => Tokens.Maak(rol: "lezer"),
        _ => throw new ArgumentOutOfRangeException(nameof(geval), geval, "Onbekend geval."),
    };

    [Theory]
    [MemberData(nameof(OngeldigeTokens))]
    public async Task Zonder_geldig_token_met_de_rol_verandert_niets(string geval, HttpStatusCode status)
    {
        var token = OngeldigToken(geval);
        var versie = Versie;

        var antwoord = await _client.Importeer(await EersteSuppletoire(), token);

        var probleem = await antwoord.AlsProbleem(status);
        probleem.Tekst("title").Should().Be(status == HttpStatusCode.Unauthorized ? "Niet aangemeld" : "Geen toegang", geval);
        if (status == HttpStatusCode.Unauthorized) antwoord.Headers.WwwAuthenticate.Should().Contain(h => h.Scheme == "Bearer", geval);
        Versie.Should().Be(versie, geval);
        Importbestanden.Should().BeEmpty(geval);
        (await _client.GetLijst("/v1/standen?begroting=JenV")).Gegevens.Should().ContainSingle(geval);
    }

    [Fact]
    public async Task De_scope_geeft_ook_toegang()
    {
        await Json(await _client.Importeer(await EersteSuppletoire(), Tokens.Maak(rol: null, scope: "lezen budget.importeren")), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Na_een_herstart_dient_de_service_wat_geimporteerd_is()
    {
        await Json(await _client.Importeer(await EersteSuppletoire(), Tokens.Maak()), HttpStatusCode.Created);
        var versie = Versie;
        _client.Dispose();
        await _factory.DisposeAsync();

        _factory = new ImportFactory(_map);
        _client = _factory.CreateClient();

        Versie.Should().Be(versie, "the same files give the same version, and its database is reused");
        (await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2026&totJaar=2026")).Gegevens.Single()!.Bedrag("bedrag").Should().Be(18_596_347 + 25_000);
    }

    [Fact]
    public async Task Lezers_tijdens_een_import_zien_alleen_hele_versies()
    {
        var inhoud = await EersteSuppletoire();
        using var klaar = new CancellationTokenSource();
        var gezien = new System.Collections.Concurrent.ConcurrentBag<long>();
        var fouten = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task Lees()
        {
            while (!klaar.IsCancellationRequested)
            {
                var antwoord = await _client.GetAsync("/v1/totalen?begroting=JenV&groepering=artikel&vanJaar=2026&totJaar=2026");
                if (antwoord.StatusCode != HttpStatusCode.OK) { fouten.Add($"{(int)antwoord.StatusCode}"); continue; }
                var rijen = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!["gegevens"]!.AsArray();
                gezien.Add(rijen.Sum(r => r!.Bedrag("bedrag")));
            }
        }
        var lezers = Enumerable.Range(0, 4).Select(_ => Task.Run(Lees)).ToList();
        await Task.Delay(200);

        await Json(await _client.Importeer(inhoud, Tokens.Maak()), HttpStatusCode.Created);
        await Task.Delay(200);
        await klaar.CancelAsync();
        await Task.WhenAll(lezers);

        fouten.Should().BeEmpty();
        gezien.Distinct().Should().BeSubsetOf([18_596_347L, 18_596_347L + 25_000], "each answer is the old version or the new, never a mix");
        gezien.Should().Contain(18_596_347L + 25_000);
    }
}
