using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Opslag;
using BudgetApi.Tests.Infrastructuur;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetApi.Tests.Api;

/// <summary>
/// /v1/bronnen over HTTP: every source file of the data served (the document's text and the two open-data samples) with the SHA-256
/// of its bytes, its number of lines and its standen; the lines of each exactly as the file holds them, so that every bronRegel can
/// be looked up (the printed TOTAAL of B. Ontvangsten JenV, 18.596.347, on line 533); every invalid request named.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class BronnenTests(BudgetApiFactory factory)
{
    private const string Document = "introductiedossier-jenv-2026.txt";
    private const string Begrotingsstaten = "begrotingsstaten-2013-2017.csv";
    private const string BudgettaireTabellen = "budgettaire-tabellen-owb-2016.csv";

    private readonly HttpClient _client = factory.CreateClient();

    private static string Pad(string naam) => naam == Document ? Repo.Brondocument : Path.Combine(Repo.DataMap, "standen", naam);

    private static string Sha256(string pad) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(pad)));

    /// <summary>The file's lines as .NET reads them: split at CRLF, LF and CR, the rule the loader's readers count lines by.</summary>
    private static string[] Regels(string naam) => File.ReadAllLines(Pad(naam));

    [Fact]
    public async Task Elk_bronbestand_met_de_sha256_van_zijn_bytes_zijn_regels_en_zijn_standen()
    {
        var (bronnen, metadata) = await _client.GetLijst("/v1/bronnen");

        bronnen.Select(b => (b!.Tekst("naam"), b!.Tekst("formaat"))).Should().Equal(
            (Document, "document"), (Begrotingsstaten, "begrotingsstaten"), (BudgettaireTabellen, "budgettaire-tabellen"));
        foreach (var bron in bronnen.Select(b => b!))
        {
            var naam = bron.Tekst("naam");
            bron.Tekst("sha256").Should().Be(Sha256(Pad(naam)), $"{naam}: the SHA-256 of the bytes served");
            bron["aantalRegels"]!.GetValue<int>().Should().Be(Regels(naam).Length, naam);
            bron["geimporteerdOp"].Should().BeNull("shipped, not imported");
            bron["geimporteerdDoor"].Should().BeNull();
        }
        bronnen[0]!["aantalRegels"]!.GetValue<int>().Should().Be(8442);
        bronnen[0]!.Tekst("sha256").Should().Be(Laden.BronTests.Sha256);
        metadata.Tekst("bron").Should().Be($"{BudgetApi.Bronnen.Document}; {Begrotingsstaten}; {BudgettaireTabellen}");
        metadata["aantal"]!.GetValue<int>().Should().Be(3);

        // The standen each file feeds, as /standen names their sources.
        bronnen[0]!["standen"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("VI-2026-ontwerpbegroting", "XX-2026-ontwerpbegroting");
        var (standen, _) = await _client.GetLijst("/v1/standen");
        foreach (var bron in bronnen.Select(b => b!))
        {
            var naam = bron.Tekst("naam");
            var gevoed = standen.Where(s => s!["bronnen"]!.AsArray().Any(b => b!.Tekst("naam") == naam)).Select(s => s!.Tekst("id"));
            bron["standen"]!.AsArray().Select(s => s!.GetValue<string>()).Should().BeEquivalentTo(gevoed, naam);
        }
        var staten = bronnen[1]!["standen"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        staten.Should().Contain(["VI-2015-jaarverslag", "VI-2016-ontwerpbegroting"]);
        bronnen[2]!["standen"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain("VI-2016-ontwerpbegroting").And.NotContain("VI-2015-jaarverslag");

        var (een, _) = await _client.GetLijst($"/v1/bronnen/{Begrotingsstaten}");
        JsonNode.DeepEquals(een.Single(), bronnen[1]).Should().BeTrue("one file is the row of the list");
    }

    [Fact]
    public async Task Regel_533_van_het_document_is_de_gedrukte_TOTAAL_van_B_Ontvangsten_JenV()
    {
        var (regels, metadata) = await _client.GetLijst($"/v1/bronnen/{Document}/regels?van=531&tot=535");

        regels.Select(r => r!["regel"]!.GetValue<int>()).Should().Equal(531, 532, 533, 534, 535);
        regels.Select(r => r!.Tekst("tekst")).Should().Equal(Regels(Document)[530..535], "every line exactly as the file holds it");
        regels[2]!.Tekst("tekst").Should().Be("TOTAAL 18.596.347 18.840.559 18.792.979 18.800.030 18.550.421");
        regels[1]!.Tekst("tekst").Should().BeEmpty("an empty line is a line");
        (metadata.Tekst("bestand"), metadata.Tekst("sha256"), metadata["aantalRegels"]!.GetValue<int>(), metadata["aantal"]!.GetValue<int>())
            .Should().Be((Document, Laden.BronTests.Sha256, 8442, 5));
        metadata.Tekst("bron").Should().Be(BudgetApi.Bronnen.Document);

        // The reconciliation that does not add up names that line; looked up, it holds the printed figure, and its parts hold theirs.
        var (aansluitingen, _) = await _client.GetLijst("/v1/aansluitingen?begroting=JenV&aansluiting=gedrukt-totaal&soort=ontvangsten&jaar=2026");
        var totaal = aansluitingen.Single(a => a!.Tekst("id") == "gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2026")!;
        var (gedrukt, _) = await _client.GetLijst($"/v1/bronnen/{totaal.Tekst("bronBestand")}/regels?van={totaal["bronRegel"]}&tot={totaal["bronRegel"]}");
        gedrukt.Single()!.Tekst("tekst").Should().Contain("18.596.347");
        var (artikelen, _) = await _client.GetLijst("/v1/begrotingen/JenV/artikelen?soort=ontvangsten");
        var delen = totaal["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Zip(totaal["bronBestandenDelen"]!.AsArray().Select(b => b!.GetValue<string>())).ToList();
        delen.Should().HaveCount(8);
        foreach (var (regel, bestand) in delen)
        {
            var artikel = artikelen.Single(a => a!["bronRegel"]!.GetValue<int>() == regel)!;
            var bedrag = artikel["bedragen"]!.AsArray().Single(b => b!["jaar"]!.GetValue<int>() == 2026)!.Bedrag("bedrag");
            var (tekst, _) = await _client.GetLijst($"/v1/bronnen/{bestand}/regels?van={regel}&tot={regel}");
            tekst.Single()!.Tekst("tekst").Should().Contain(bedrag.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.'), $"line {regel}");
        }
    }

    [Fact]
    public async Task Zonder_van_en_tot_de_eerste_honderd_en_voorbij_het_einde_tot_de_laatste_regel()
    {
        var (eerste, _) = await _client.GetLijst($"/v1/bronnen/{Document}/regels");
        eerste.Select(r => r!["regel"]!.GetValue<int>()).Should().Equal(Enumerable.Range(1, 100));
        var (vanaf, _) = await _client.GetLijst($"/v1/bronnen/{Document}/regels?van=8401");
        vanaf.Select(r => r!["regel"]!.GetValue<int>()).Should().Equal(Enumerable.Range(8401, 42), "van and the 99 after it, up to the last line");
        var (slot, _) = await _client.GetLijst($"/v1/bronnen/{Document}/regels?van=8440&tot=8500");
        slot.Select(r => r!.Tekst("tekst")).Should().Equal(Regels(Document)[8439..]);
        slot[^1]!.Tekst("tekst").Should().Be(" ", "the last line is one space, without a line end, and is not trimmed");
        var (duizend, _) = await _client.GetLijst($"/v1/bronnen/{Document}/regels?van=1&tot=1000");
        duizend.Should().HaveCount(1000);
    }

    [Fact]
    public async Task Een_regel_van_de_open_data_precies_zoals_in_het_bestand()
    {
        // JenV (VI) artikel 32 in the ontwerpbegroting 2016 stands on line 335 of the budgettaire tabellen; its amounts are printed with
        // commas ("1,443,296") and in quotes, as the open data writes them.
        var (artikel, _) = await _client.GetLijst("/v1/begrotingen/VI/artikelen/32?begrotingsjaar=2016&soort=uitgaven");
        (artikel.Single()!.Tekst("bronBestand"), artikel.Single()!["bronRegel"]!.GetValue<int>()).Should().Be((BudgettaireTabellen, 335));

        var (regels, metadata) = await _client.GetLijst($"/v1/bronnen/{BudgettaireTabellen}/regels?van=335&tot=335");

        var ruw = Encoding.UTF8.GetString(File.ReadAllBytes(Pad(BudgettaireTabellen))).Split('\n')[334];
        regels.Single()!.Tekst("tekst").Should().Be(ruw).And.Be(
            "2016,VI,G.A. van der Steur,Veiligheid en Justitie,B,OWB,32,99.81%,Rechtsbijstand en rechtspleging ,beleidsartikel,J,Programma,U,J,,,,,," +
            "\"1,488,796\",\"1,476,915\",\"1,443,296\",\"1,314,268\",\"1,296,327\",\"1,298,394\",\"1,307,838\",,");
        (metadata.Tekst("bestand"), metadata.Tekst("sha256"), metadata["aantalRegels"]!.GetValue<int>()).Should().Be((BudgettaireTabellen, Sha256(Pad(BudgettaireTabellen)), 6521));

        // The begrotingsstaten end their lines with CRLF: the line end is no part of the line.
        var (staten, _) = await _client.GetLijst($"/v1/bronnen/{Begrotingsstaten}/regels?van=1863&tot=1863");
        staten.Single()!.Tekst("tekst").Should().Be("2016,O,VI,Veiligheid en Justitie,92,Nominaal en onvoorzien,0,,,,");
        File.ReadAllBytes(Pad(Begrotingsstaten)).Should().Contain((byte)'\r', "the sample has CRLF line ends");
    }

    [Fact]
    public async Task Een_deel_uit_een_ander_bestand_dan_het_gedrukte_totaal_noemt_zijn_eigen_bestand()
    {
        // VI's ontwerpbegroting 2016 comes from both samples: its printed ontvangsten total stands in the budgettaire tabellen, but
        // artikel 92 (Nominaal en onvoorzien) only in the begrotingsstaten, on line 1863 there (line 1863 of the tabellen is SZW's).
        var (rijen, _) = await _client.GetLijst("/v1/aansluitingen?begroting=VI&begrotingsjaar=2016&aansluiting=gedrukt-totaal&soort=ontvangsten&jaar=2016");
        var totaal = rijen.Single()!;
        totaal.Tekst("bronBestand").Should().Be(BudgettaireTabellen);
        var delen = totaal["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Zip(totaal["bronBestandenDelen"]!.AsArray().Select(b => b!.GetValue<string>())).ToList();
        delen.Should().Contain((1863, Begrotingsstaten));
        foreach (var (regel, bestand) in delen)
        {
            var (tekst, _) = await _client.GetLijst($"/v1/bronnen/{bestand}/regels?van={regel}&tot={regel}");
            tekst.Single()!.Tekst("tekst").Should().MatchRegex(@"(^|,)VI,", $"part on line {regel} of {bestand} is a line of VI");
        }
    }

    [Fact]
    public async Task Regels_als_CSV_en_als_Excel()
    {
        var csv = await _client.GetCsv($"/v1/bronnen/{BudgettaireTabellen}/regels?van=1&tot=3&formaat=csv");
        csv.Select(r => r["regel"]).Should().Equal("1", "2", "3");
        csv.Select(r => r["tekst"]).Should().Equal(Regels(BudgettaireTabellen)[..3], "a CSV line as its raw text, quotes and commas kept");

        var antwoord = await _client.GetAsync($"/v1/bronnen/{Document}/regels?van=531&tot=535&formaat=csv");
        antwoord.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("regels-introductiedossier-jenv-2026-531-535.csv");
        Encoding.UTF8.GetString(await antwoord.Content.ReadAsByteArrayAsync()).Should().Be(
            "\uFEFFregel,tekst\r\n531,Artikel Omschrijving 2026 2027 2028 2029 2030\r\n532,\r\n533,TOTAAL 18.596.347 18.840.559 18.792.979 18.800.030 18.550.421\r\n" +
            "534,\r\n535,Totaal Beleidsartikelen 18.020.661 18.209.227 18.201.420 18.226.920 17.983.246\r\n");

        var bronnen = await _client.GetCsv("/v1/bronnen?formaat=csv");
        bronnen.Select(r => r.Keys.ToList()).First().Should().Equal("naam", "formaat", "sha256", "aantalRegels", "standen", "geimporteerdOp", "geimporteerdDoor");
        bronnen[0]["standen"].Should().Be("VI-2026-ontwerpbegroting;XX-2026-ontwerpbegroting");

        var werkmap = await _client.GetXlsx($"/v1/bronnen/{Document}/regels?van=531&tot=535&formaat=xlsx");
        var (json, _) = await _client.GetLijst($"/v1/bronnen/{Document}/regels?van=531&tot=535");
        Werkmappen.ZelfdeAlsJson(werkmap["Gegevens"], json);
        var toelichting = werkmap["Toelichting"].AlsToelichting();
        toelichting["bestand"].Tekst.Should().Be(Document);
        toelichting["sha256"].Tekst.Should().Be(Laden.BronTests.Sha256);
    }

    [Theory]
    [InlineData("van=0", "van", "Regel 0 bestaat niet: van telt vanaf 1.")]
    [InlineData("van=-5&tot=3", "van", "Regel -5 bestaat niet: van telt vanaf 1.")]
    [InlineData("van=8443", "van", "Regel 8443 ligt voorbij het einde: introductiedossier-jenv-2026.txt heeft 8442 regels; van kan 1 tot en met 8442 zijn.")]
    [InlineData("van=10&tot=9", "tot", "tot 9 ligt voor van 10; introductiedossier-jenv-2026.txt heeft 8442 regels.")]
    [InlineData("tot=0", "tot", "tot 0 ligt voor van 1; introductiedossier-jenv-2026.txt heeft 8442 regels.")]
    [InlineData("van=1&tot=1001", "tot",
        "Van 1 tot en met 1001 zijn 1001 regels; het maximum is 1000 per verzoek: tot kan ten hoogste 1000 zijn (introductiedossier-jenv-2026.txt heeft 8442 regels).")]
    [InlineData("van=500&tot=99999", "tot",
        "Van 500 tot en met 99999 zijn 99500 regels; het maximum is 1000 per verzoek: tot kan ten hoogste 1499 zijn (introductiedossier-jenv-2026.txt heeft 8442 regels).")]
    [InlineData("tot=abc", "tot", "Parameter 'tot': 'abc' is geen geldige waarde; verwacht een geheel getal.")]
    public async Task Een_ongeldig_bereik_is_een_400_die_de_parameter_en_het_aantal_regels_noemt(string query, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem($"/v1/bronnen/{Document}/regels?{query}", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem.Tekst("title").Should().Be($"Ongeldige parameter: {parameter}");
        probleem.Tekst("detail").Should().Be(reden);
    }

    [Fact]
    public async Task Een_regel_voorbij_het_einde_van_een_CSV_bestand_noemt_zijn_eigen_aantal()
    {
        var probleem = await _client.GetProbleem($"/v1/bronnen/{Begrotingsstaten}/regels?van=2631", HttpStatusCode.BadRequest);
        probleem.Tekst("detail").Should().Be("Regel 2631 ligt voorbij het einde: begrotingsstaten-2013-2017.csv heeft 2630 regels; van kan 1 tot en met 2630 zijn.");
    }

    [Theory]
    [InlineData("/v1/bronnen/bestaat-niet.txt/regels", "bestaat-niet.txt")]
    [InlineData("/v1/bronnen/bestaat-niet.txt", "bestaat-niet.txt")]
    [InlineData("/v1/bronnen/..%2Fhoofdstukken.csv/regels", "..%2Fhoofdstukken.csv")]
    [InlineData("/v1/bronnen/..%2F..%2Fappsettings.json/regels?van=1&tot=5", "..%2F..%2Fappsettings.json")]
    [InlineData("/v1/bronnen/artikelen.csv/regels", "artikelen.csv")]
    public async Task Een_onbekend_bestand_is_een_404_die_noemt_wat_er_is(string url, string naam)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.NotFound);

        probleem.Tekst("title").Should().Be("Niet gevonden: naam");
        probleem.Tekst("detail").Should().Be($"Er is geen bronbestand '{naam}' in deze versie van de gegevens; er zijn: " +
                                             $"{Document}, {Begrotingsstaten}, {BudgettaireTabellen} (zie /bronnen).");
    }

    [Fact]
    public async Task Hoofdletters_in_de_naam_maken_niet_uit_als_er_maar_een_bestand_past()
    {
        var (regels, metadata) = await _client.GetLijst("/v1/bronnen/INTRODUCTIEDOSSIER-JENV-2026.TXT/regels?van=533&tot=533");
        regels.Single()!.Tekst("tekst").Should().StartWith("TOTAAL 18.596.347");
        metadata.Tekst("bestand").Should().Be(Document);
    }
}

/// <summary>
/// /v1/bronnen on a service of its own (an import and a changed file change what it serves): an imported stand file is listed with who
/// imported it and when and its lines are served; a file on disk that no longer holds the bytes of the version served gives 503, never
/// lines of other bytes; once a reload has taken in new bytes, their lines are served with their SHA-256.
/// </summary>
public sealed class BronnenImportTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();
    private ImportFactory _factory;
    private HttpClient _client;

    public BronnenImportTests()
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

    private string Versie => _factory.Services.GetRequiredService<Gegevensbron>().Huidig!.Versie;

    private async Task<(string Bestand, byte[] Inhoud)> Importeer()
    {
        var inhoud = Proefstanden.EersteSuppletoire(Encoding.UTF8.GetString(await _client.GetByteArrayAsync(Proefstanden.ExportUrl)));
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen?bestandsnaam=voorjaarsnota-2026.csv&fase=1e-suppletoire")
        {
            Content = new StringContent(inhoud, Encoding.UTF8, "text/csv"),
        };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Maak(naam: "analist@dfez"));
        var antwoord = await _client.SendAsync(verzoek);
        var tekst = await antwoord.Content.ReadAsStringAsync();
        antwoord.StatusCode.Should().Be(HttpStatusCode.Created, tekst);
        return (JsonNode.Parse(tekst)!.Tekst("bestand"), Encoding.UTF8.GetBytes(inhoud));
    }

    /// <summary>Asks until <paramref name="klaar"/> holds (a reload is debounced by half a second and takes a moment).</summary>
    private static async Task Wacht(Func<Task<bool>> klaar, string wat)
    {
        var tot = DateTime.UtcNow.AddSeconds(30);
        while (!await klaar())
        {
            if (DateTime.UtcNow > tot) throw new TimeoutException(wat);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Een_geimporteerd_bestand_staat_erbij_met_wie_en_wanneer_en_zijn_regels_zoals_opgeslagen()
    {
        var voor = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (bestand, inhoud) = await Importeer();

        bestand.Should().StartWith("voorjaarsnota-2026-").And.EndWith(".csv");
        var (bronnen, _) = await _client.GetLijst("/v1/bronnen");
        bronnen.Select(b => b!.Tekst("naam")).Should().Equal("introductiedossier-jenv-2026.txt", bestand);
        var import = bronnen[1]!;
        (import.Tekst("formaat"), import.Tekst("geimporteerdDoor")).Should().Be(("standen-csv", "analist@dfez"));
        DateTimeOffset.Parse(import.Tekst("geimporteerdOp"), CultureInfo.InvariantCulture).Should().BeOnOrAfter(voor).And.BeOnOrBefore(DateTimeOffset.UtcNow);
        import.Tekst("sha256").Should().Be(Convert.ToHexStringLower(SHA256.HashData(inhoud)));
        import["standen"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal(Proefstanden.Stand);
        var regels = Encoding.UTF8.GetString(inhoud).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        import["aantalRegels"]!.GetValue<int>().Should().Be(regels.Length);

        var (gelezen, metadata) = await _client.GetLijst($"/v1/bronnen/{bestand}/regels?van=1&tot=3");
        gelezen.Select(r => r!.Tekst("tekst")).Should().Equal(regels[..3], "the lines as stored, CRLF not part of them");
        metadata.Tekst("sha256").Should().Be(import.Tekst("sha256"));

        // The figures of the imported stand cite this file, and the line they cite holds them.
        var (bedragen, _) = await _client.GetLijst("/v1/bedragen?begroting=JenV&fase=1e-suppletoire&soort=uitgaven&artikel=31&regelsoort=artikel&jaar=2026");
        var politie = bedragen.Single()!;
        (politie.Tekst("bronBestand"), politie.Bedrag("bedrag")).Should().Be((bestand, 8_868_848));
        var (regel, _) = await _client.GetLijst($"/v1/bronnen/{bestand}/regels?van={politie["bronRegel"]}&tot={politie["bronRegel"]}");
        regel.Single()!.Tekst("tekst").Should().Contain(",8868848");

        // In CSV the moment of the import is ISO 8601, as in the JSON.
        var csv = await _client.GetCsv("/v1/bronnen?formaat=csv");
        DateTimeOffset.Parse(csv[1]["geimporteerdOp"], CultureInfo.InvariantCulture).Should().Be(DateTimeOffset.Parse(import.Tekst("geimporteerdOp"), CultureInfo.InvariantCulture));
        csv[1]["geimporteerdDoor"].Should().Be("analist@dfez");
    }

    [Fact]
    public async Task Een_bestand_dat_op_schijf_niet_meer_de_bytes_van_de_versie_heeft_geeft_503()
    {
        var (bestand, inhoud) = await Importeer();
        var versie = Versie;
        (await _client.GetLijst($"/v1/bronnen/{bestand}/regels?van=1&tot=2")).Gegevens.Should().HaveCount(2);

        // The stored file is overwritten with a version that cannot be read: the reload it causes is refused, the old data keeps
        // serving, and its lines are no longer on disk.
        var pad = Path.Combine(_map["var/standen"], bestand);
        var kapot = Proefstanden.Kapot(Encoding.UTF8.GetString(inhoud));
        await File.WriteAllTextAsync(pad, kapot);
        var nieuweSha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pad)));
        await Wacht(() => Task.FromResult(_factory.Services.GetRequiredService<Gegevensbron>().LaatsteMislukking is not null), "the reload of the broken file fails");
        Versie.Should().Be(versie, "invalid data never replaces valid data");

        // Lines not asked before (an answer already given for this version may come from the answer cache: it holds this version's lines).
        var antwoord = await _client.GetAsync($"/v1/bronnen/{bestand}/regels?van=3&tot=4");
        var probleem = await antwoord.AlsProbleem(HttpStatusCode.ServiceUnavailable);
        probleem.Tekst("title").Should().Be("Het bronbestand is niet beschikbaar");
        var sha = Convert.ToHexStringLower(SHA256.HashData(inhoud));
        probleem.Tekst("detail").Should().Be(
            $"Het bestand {bestand} op schijf heeft niet meer de SHA-256 waarmee deze versie het laadde ({sha}): een nieuwe versie van de gegevens " +
            $"wordt geladen, of het laden mislukte (/health/ready noemt waarom). Versie {versie} geeft geen regels van andere bytes dan die zij laadde; probeer het zo opnieuw.");
        antwoord.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(5));
        nieuweSha.Should().NotBe(sha);

        // The list still names the file as this version loaded it, with the lines it counted then; the document is unaffected.
        var (bronnen, _) = await _client.GetLijst("/v1/bronnen");
        var import = bronnen.Single(b => b!.Tekst("naam") == bestand)!;
        (import.Tekst("sha256"), import["aantalRegels"]!.GetValue<int>()).Should().Be((sha, Encoding.UTF8.GetString(inhoud).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length));
        (await _client.GetLijst("/v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=533&tot=533")).Gegevens.Single()!.Tekst("tekst").Should().Contain("18.596.347");

        // Put back, the same bytes serve again.
        await File.WriteAllBytesAsync(pad, inhoud);
        (await _client.GetLijst($"/v1/bronnen/{bestand}/regels?van=3&tot=4")).Gegevens.Should().HaveCount(2);
    }

    [Fact]
    public async Task Na_het_herladen_van_een_gewijzigde_tekst_dienen_de_nieuwe_bytes_met_hun_sha256()
    {
        var versie = Versie;
        var pad = Path.Combine(_map["data"], "bron", "introductiedossier-jenv-2026.txt");
        var origineel = await File.ReadAllBytesAsync(pad);
        // Line 533 ends with a space the shipped text does not have: one byte more, the same line numbers.
        var tekstregels = Encoding.UTF8.GetString(origineel).Split('\n');
        tekstregels[532] += " ";
        var gewijzigd = Encoding.UTF8.GetBytes(string.Join('\n', tekstregels));
        gewijzigd.Length.Should().Be(origineel.Length + 1);
        await File.WriteAllBytesAsync(pad, gewijzigd);

        // Until the reload has swapped in the new version, the old version answers 503 for the document (never the new bytes as its own).
        var tussendoor = await _client.GetAsync("/v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=533&tot=533");
        tussendoor.StatusCode.Should().BeOneOf(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        if (tussendoor.StatusCode == HttpStatusCode.OK) Versie.Should().NotBe(versie, "lines of the new bytes come only from the new version");

        await Wacht(() => Task.FromResult(Versie != versie), "the reload takes in the changed text");
        var sha = Convert.ToHexStringLower(SHA256.HashData(gewijzigd));
        var (regels, metadata) = await _client.GetLijst("/v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=533&tot=533");
        regels.Single()!.Tekst("tekst").Should().Be("TOTAAL 18.596.347 18.840.559 18.792.979 18.800.030 18.550.421 ");
        metadata.Tekst("sha256").Should().Be(sha);
        var (standen, _) = await _client.GetLijst("/v1/standen/VI-2026-ontwerpbegroting");
        standen.Single()!["bronnen"]![0]!.Tekst("sha256").Should().Be(sha, "the document's sha256 is its text's");
    }
}
