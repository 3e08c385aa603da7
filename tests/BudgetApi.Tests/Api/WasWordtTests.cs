using System.Globalization;
using System.Text;
using BudgetApi.Laden;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// Artikelen that move between begrotingen (data/was-wordt.csv): the table is served, and mutaties across begrotingsjaren compare the
/// same policy with the same policy. The data: VI's ontwerpbegroting 2024 with artikel 37 Migratie, VI's and XX's ontwerpbegroting 2025
/// with it moved to XX artikel 37 — made from the document's 2026 figures, each a stand file in the project's own format — and an
/// artikel (33) that VI 2025 lacks with no entry in the table: a break, named.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class WasWordtTests(BudgetApiFactory gedeeld) : IDisposable
{
    private readonly TijdelijkeMap _map = new();

    public void Dispose() => _map.Dispose();

    [Fact]
    public async Task De_tabel_wordt_geserveerd_met_de_verhuizing_van_migratie_naar_asiel_en_migratie()
    {
        var (rijen, metadata) = await gedeeld.CreateClient().GetLijst("/v1/was-wordt");

        var migratie = rijen.Single()!;
        (migratie.Tekst("wasHoofdstuk"), migratie.Bedrag("wasArtikel"), migratie.Tekst("wasOmschrijving"), migratie.Bedrag("wasLaatsteBegrotingsjaar"))
            .Should().Be(("VI", 37L, "Migratie", 2024L));
        (migratie.Tekst("wordtHoofdstuk"), migratie.Bedrag("wordtArtikel"), migratie.Tekst("wordtOmschrijving"), migratie.Bedrag("wordtEersteBegrotingsjaar"))
            .Should().Be(("XX", 37L, "Asiel en Migratie", 2025L));
        migratie.Bedrag("bronRegel").Should().Be(456);
        metadata.Tekst("bron").Should().Be("was-wordt.csv");
    }

    /// <summary>A stand of the export as another hoofdstuk and begrotingsjaar, with only the rows <paramref name="houden"/> keeps.</summary>
    private static string Als(string export, string begroting, string hoofdstuk, int begrotingsjaar, Func<string[], Func<string, string>, bool> houden, bool metKop = true)
    {
        var regels = export.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var kop = regels[0].Split(',').ToList();
        var uit = new StringBuilder();
        if (metKop) uit.Append(regels[0]).Append("\r\n");
        foreach (var regel in regels.Skip(1))
        {
            using var lezer = new CsvHelper.CsvParser(new StringReader(regel), CultureInfo.InvariantCulture);
            lezer.Read();
            var velden = lezer.Record!.ToArray();
            if (!houden(velden, k => velden[kop.IndexOf(k)])) continue;
            velden[kop.IndexOf("begroting")] = begroting;
            velden[kop.IndexOf("hoofdstuk")] = hoofdstuk;
            velden[kop.IndexOf("begrotingsjaar")] = begrotingsjaar.ToString(CultureInfo.InvariantCulture);
            uit.Append(string.Join(',', velden.Select(v => v.Contains(',') || v.Contains('"') ? "\"" + v.Replace("\"", "\"\"") + "\"" : v))).Append("\r\n");
        }
        return uit.ToString();
    }

    [Fact]
    public async Task Mutaties_over_begrotingsjaren_vergelijken_een_verhuisd_artikel_met_zichzelf_en_noemen_een_breuk()
    {
        var client = gedeeld.CreateClient();
        var jenv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/v1/bedragen?begroting=JenV&begrotingsjaar=2026&paginaGrootte=1000&formaat=csv"));
        var aenm = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/v1/bedragen?begroting=AenM&begrotingsjaar=2026&paginaGrootte=1000&formaat=csv"));
        var data = _map.KopieVanData();
        var standen = Directory.CreateDirectory(Path.Combine(data, "standen")).FullName;
        File.WriteAllText(Path.Combine(standen, "vi-2024.csv"), Als(jenv, "JenV", "VI", 2024, (_, _) => true)
            + Als(aenm, "JenV", "VI", 2024, (_, v) => v("artikel") == "37" && v("soort") == "uitgaven", metKop: false));
        File.WriteAllText(Path.Combine(standen, "vi-2025.csv"), Als(jenv, "JenV", "VI", 2025, (_, v) => v("artikel") != "33"));
        File.WriteAllText(Path.Combine(standen, "xx-2025.csv"), Als(aenm, "AenM", "XX", 2025, (_, _) => true));
        using var factory = new ImportFactory(_map);
        var api = factory.CreateClient();

        var (rijen, _) = await api.GetLijst("/v1/mutaties?begroting=VI&van=2024-ontwerpbegroting&naar=2025-ontwerpbegroting&jaar=2026");

        var migratie = rijen.Single(r => r!["artikel"]?.GetValue<int>() == 37 && r!.Tekst("regelsoort") == "artikel")!;
        (migratie.Tekst("aanwezig"), migratie.Bedrag("bedragVan"), migratie.Bedrag("bedragNaar"), migratie.Bedrag("mutatie"))
            .Should().Be(("verhuisd", 8_865_612L, 8_865_612L, 0L), "the same policy, in XX from 2025: no cut of 8,9 miljard");
        migratie.Tekst("overgang").Should().StartWith("verhuisd: VI artikel 37 Migratie (tot en met 2024) is XX artikel 37 Asiel en Migratie (vanaf 2025)")
            .And.EndWith("Vergeleken met XX artikel 37 in ontwerpbegroting 2025.");

        var breuk = rijen.Single(r => r!["artikel"]?.GetValue<int>() == 33 && r!.Tekst("regelsoort") == "artikel")!;
        breuk.Tekst("aanwezig").Should().Be("alleen-van");
        breuk["bedragNaar"].Should().BeNull();
        breuk.Tekst("overgang").Should().StartWith("breuk: VI artikel 33 staat niet in ontwerpbegroting 2025, en geen regel van de was-wordt-tabel");

        rijen.Where(r => r!["artikel"]?.GetValue<int>() is not (33 or 37)).Should().OnlyContain(r => r!["overgang"] == null);
        var totaal = rijen.Single(r => r!.Tekst("regelsoort") == "totaal")!;
        var artikelen = rijen.Where(r => r!.Tekst("regelsoort") == "artikel").ToList();
        totaal.Bedrag("mutatie").Should().Be(artikelen.Sum(r => r!.Bedrag("mutatie")), "the artikelen's mutaties add up to the begroting's");
        totaal.Bedrag("bedragNaar").Should().Be(artikelen.Where(r => r!["bedragNaar"] is not null).Sum(r => r!.Bedrag("bedragNaar")),
            "like for like: VI 2025 with what moved to XX (8.865.612 of the total)");
        totaal.Bedrag("bedragVan").Should().Be(artikelen.Sum(r => r!.Bedrag("bedragVan")));

        var (zelfdeJaar, _) = await api.GetLijst("/v1/mutaties?begroting=VI&begrotingsjaar=2025&van=ontwerpbegroting&naar=ontwerpbegroting&jaar=2026");
        zelfdeJaar.Should().OnlyContain(r => r!["overgang"] == null, "within one begrotingsjaar there is no move to name");
    }

    [Fact]
    public async Task Een_tabel_wordt_geimporteerd_als_een_stand_met_token_geheel_gecontroleerd_en_een_keer()
    {
        _map.KopieVanData();
        using var factory = new ImportFactory(_map);
        var api = factory.CreateClient();
        var kop = string.Join(',', Waswordttabel.Kolommen);
        async Task<(System.Net.HttpStatusCode Status, string Tekst)> Importeer(string inhoud, string? token = null)
        {
            using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen?bestandsnaam=was-wordt-2026.csv") { Content = new StringContent(inhoud, Encoding.UTF8, "text/csv") };
            if (token is not null) verzoek.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var antwoord = await api.SendAsync(verzoek);
            return (antwoord.StatusCode, await antwoord.Content.ReadAsStringAsync());
        }
        var rechtspraak = kop + "\r\nVI,32,Rechtspraak,2026,XXI,1,Rechtspraak,2027,proef: een verhuizing die nog niet gepubliceerd is,462\r\n";

        (await Importeer(rechtspraak)).Status.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        var kapot = await Importeer(rechtspraak.Replace(",2027,", ",2028,", StringComparison.Ordinal), Tokens.Maak());
        kapot.Status.Should().Be(System.Net.HttpStatusCode.BadRequest, kapot.Tekst);
        kapot.Tekst.Should().Contain("\"regel\":2,\"kolom\":8").And.Contain("2028 volgt niet op het laatste begrotingsjaar 2026");
        (await api.GetLijst("/v1/was-wordt")).Gegevens.Should().HaveCount(1, "a refused table stores nothing");

        var goed = await Importeer(rechtspraak, Tokens.Maak());
        goed.Status.Should().Be(System.Net.HttpStatusCode.OK, goed.Tekst);
        (System.Text.Json.Nodes.JsonNode.Parse(goed.Tekst)!.Tekst("uitkomst"), System.Text.Json.Nodes.JsonNode.Parse(goed.Tekst)!.Tekst("formaat")).Should().Be(("gewijzigd", "was-wordt"));
        var (rijen, _) = await api.GetLijst("/v1/was-wordt");
        rijen.Select(r => (r!.Tekst("wasHoofdstuk"), r!.Bedrag("wasArtikel"), r!.Tekst("wordtHoofdstuk"))).Should().Equal(("VI", 37L, "XX"), ("VI", 32L, "XXI"));

        var nogmaals = await Importeer(rechtspraak, Tokens.Maak());
        nogmaals.Status.Should().Be(System.Net.HttpStatusCode.OK);
        System.Text.Json.Nodes.JsonNode.Parse(nogmaals.Tekst)!.Tekst("uitkomst").Should().Be("ongewijzigd", "the same table again changes nothing");
    }

    [Fact]
    public async Task Een_tabel_in_Windows_1252_wordt_geladen_zoals_hij_gecontroleerd_is()
    {
        // Validated and loaded by the same decoding (Tekstcodering): 'Geschillenbeslechting en één loket' in Windows-1252 (é is
        // 0xE9) is served with its é, never with U+FFFD from reading the bytes as UTF-8 a second time.
        _map.KopieVanData();
        using var factory = new ImportFactory(_map);
        var api = factory.CreateClient();
        var tabel = string.Join(',', Waswordttabel.Kolommen)
            + "\r\nVI,32,Rechtspraak,2026,XXI,1,Geschillenbeslechting en één loket,2027,proef: een verhuizing die nog niet gepubliceerd is,462\r\n";
        using var verzoek = new HttpRequestMessage(HttpMethod.Post, "/v1/standen?bestandsnaam=was-wordt-1252.csv")
        {
            Content = new ByteArrayContent(Encoding.Latin1.GetBytes(tabel)) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") } },
        };
        verzoek.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Tokens.Maak());
        var antwoord = await api.SendAsync(verzoek);
        antwoord.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await antwoord.Content.ReadAsStringAsync());

        var (rijen, _) = await api.GetLijst("/v1/was-wordt");
        rijen.Select(r => r!.Tekst("wordtOmschrijving")).Should().Contain("Geschillenbeslechting en één loket");
    }

    [Fact]
    public void Een_kapotte_tabel_stopt_de_lading_met_bestand_regel_en_kolom()
    {
        var data = _map.KopieVanData();
        File.WriteAllText(Path.Combine(data, Waswordttabel.Bestand),
            string.Join(',', Waswordttabel.Kolommen) + "\n" +
            "VI,37,Migratie,2024,XX,37,Asiel en Migratie,2026,bron,456\n" +
            "6,x,Migratie,2024,XX,37,Asiel en Migratie,2025,,\n");
        var problemen = new List<Laadprobleem>();

        Waswordttabel.Lees(data, problemen);

        problemen.Select(p => p.ToString()).Should().Equal(
            "data/was-wordt.csv:2:8: kolom 'wordt_eerste_begrotingsjaar': 2026 volgt niet op het laatste begrotingsjaar 2024: een verhuizing sluit aan, zonder gat en zonder overlap",
            "data/was-wordt.csv:3:1: kolom 'was_hoofdstuk': '6' is geen hoofdstuk (VI, XX, IXB, A, …)",
            "data/was-wordt.csv:3:2: kolom 'was_artikel': 'x' is geen geheel getal van 1 tot en met 999",
            "data/was-wordt.csv:3:9: kolom 'bron': mag niet leeg zijn");
    }
}
