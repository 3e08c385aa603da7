using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class ArtikelenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static long? JaarBedrag(JsonNode? bedragen, int jaar) =>
        bedragen!.AsArray().Single(b => b!["jaar"]!.GetValue<int>() == jaar)!["bedrag"]?.GetValue<long>();

    [Fact]
    public async Task Artikel_31_Politie_met_waarvanregel_en_rest()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/begrotingen/JenV/artikelen/31?soort=uitgaven");

        var politie = gegevens.Single()!;
        politie.Tekst("omschrijving").Should().Be("Politie");
        politie.Tekst("categorie").Should().Be("beleidsartikel");
        politie.Bedrag("bronRegel").Should().Be(472);
        JaarBedrag(politie["bedragen"], 2026).Should().Be(8_843_848);
        JaarBedrag(politie["bedragen"], 2030).Should().Be(8_776_270);
        var waarvan = politie["waarvanregels"]!.AsArray().Single()!;
        waarvan.Tekst("omschrijving").Should().Be("Bijdrage aan Politie");
        JaarBedrag(waarvan["bedragen"], 2026).Should().Be(8_480_305);
        // 8.843.848 − 8.480.305 = 363.543
        JaarBedrag(politie["overig"], 2026).Should().Be(363_543);
        metadata.Tekst("stand").Should().Be("ontwerpbegroting 2026");
        metadata.Bedrag("factor").Should().Be(1000);
    }

    [Fact]
    public async Task De_delen_van_elk_artikel_tellen_op_tot_het_artikel()
    {
        foreach (var begroting in new[] { "JenV", "AenM" })
        {
            var (gegevens, _) = await _client.GetLijst($"/v1/begrotingen/{begroting}/artikelen");
            foreach (var artikel in gegevens.Where(a => a!["waarvanregels"]!.AsArray().Count > 0))
            {
                foreach (var jaar in Enumerable.Range(2026, 5))
                {
                    var delen = artikel!["waarvanregels"]!.AsArray().Sum(w => JaarBedrag(w!["bedragen"], jaar) ?? 0) + JaarBedrag(artikel["overig"], jaar);
                    delen.Should().Be(JaarBedrag(artikel["bedragen"], jaar), $"{begroting} {artikel.Tekst("soort")} {artikel.Bedrag("artikel")} {jaar}");
                }
            }
        }
    }

    [Fact]
    public async Task De_lege_cellen_van_de_opvang_van_Oekraiense_ontheemden_zijn_null()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/begrotingen/AenM/artikelen/37?soort=uitgaven");

        var opvang = gegevens.Single()!["waarvanregels"]!.AsArray().Single(w => w!.Tekst("omschrijving") == "opvang Oekraïense ontheemden")!;
        JaarBedrag(opvang["bedragen"], 2028).Should().Be(1_014_701);
        opvang["bedragen"]!.AsArray().Single(b => b!["jaar"]!.GetValue<int>() == 2029)!["bedrag"].Should().BeNull();
        JaarBedrag(gegevens[0]!["overig"], 2029).Should().Be(231_427, "1.905.134 − (730.411 + 759.665 + 79.144 + 104.487)");
    }

    [Fact]
    public async Task Alle_artikelen_van_JenV_uitgaven_en_ontvangsten()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/begrotingen/jenv/artikelen");

        gegevens.Should().HaveCount(16);
        gegevens.Where(a => a!.Tekst("soort") == "uitgaven").Select(a => a!.Bedrag("artikel")).Should().Equal(31, 32, 33, 34, 36, 91, 92, 93);
        gegevens.Count(a => a!.Tekst("categorie") == "niet-beleidsartikel").Should().Be(6);
        gegevens.Select(a => a!.Tekst("begroting")).Should().AllBe("JenV", "the code is answered in its canonical spelling");
    }

    [Fact]
    public async Task In_csv_een_regel_per_artikel_waarvan_en_rest_en_jaar_met_dezelfde_bedragen()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/begrotingen/JenV/artikelen/32?soort=uitgaven");
        var csv = await _client.GetCsv("/v1/begrotingen/JenV/artikelen/32?soort=uitgaven&formaat=csv");

        csv.Should().HaveCount((1 + 3 + 1) * 5);
        csv.Select(r => r["regelsoort"]).Distinct().Should().Equal("artikel", "waarvan", "overig");
        var artikel = gegevens.Single()!;
        foreach (var jaar in Enumerable.Range(2026, 5))
        {
            csv.Single(r => r["regelsoort"] == "artikel" && r["jaar"] == $"{jaar}")["bedrag"].Should().Be($"{JaarBedrag(artikel["bedragen"], jaar)}");
            csv.Single(r => r["regelsoort"] == "overig" && r["jaar"] == $"{jaar}")["bedrag"].Should().Be($"{JaarBedrag(artikel["overig"], jaar)}");
        }
        csv.Single(r => r["omschrijving"] == "apparaat Hoge Raad" && r["jaar"] == "2026")["bedrag"].Should().Be("40346");
        csv.Single(r => r["omschrijving"] == "apparaat Hoge Raad" && r["jaar"] == "2026")["bronRegel"].Should().Be("478");
    }

    [Theory]
    [InlineData("/v1/begrotingen/XYZ/artikelen", "begroting")]
    [InlineData("/v1/begrotingen/LVVN/artikelen", "begroting")]
    [InlineData("/v1/begrotingen/JenV/artikelen/35", "artikel")]
    [InlineData("/v1/begrotingen/AenM/artikelen/31", "artikel")]
    public async Task Een_onbekende_begroting_of_artikel_is_een_404(string url, string naam)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.NotFound);

        probleem.Tekst("title").Should().Be($"Niet gevonden: {naam}");
    }

    [Theory]
    [InlineData("/v1/begrotingen/JenV/artikelen?soort=uitgave", "soort", "Onbekende waarde 'uitgave' voor soort; toegestaan: verplichtingen, uitgaven, ontvangsten.")]
    [InlineData("/v1/begrotingen/JenV/artikelen/drie", "artikel", "Parameter 'artikel': 'drie' is geen geldige waarde; verwacht een geheel getal.")]
    public async Task Een_ongeldige_parameter_is_een_400_die_hem_noemt(string url, string naam, string reden)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(naam);
        probleem.Tekst("detail").Should().Be(reden);
    }
}
