using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class AandelenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static decimal Som(IEnumerable<JsonNode?> rijen, string veld) => rijen.Sum(r => r!.Getal(veld));

    [Fact]
    public async Task Per_artikel_het_aandeel_in_de_begroting()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&niveau=artikel");

        gegevens.Should().HaveCount(8);
        var politie = gegevens.Single(r => r!.Bedrag("artikel") == 31)!;
        // 8.843.848 / 18.596.347 = 47.5569 % → 47.56
        politie.Getal("aandeelVanGeheel").Should().Be(47.56m);
        politie.Getal("aandeelVanOuder").Should().Be(47.56m, "the parent of an article is the whole begroting");
        politie.Bedrag("bedrag").Should().Be(8_843_848);
        politie.Bedrag("bedragGeheel").Should().Be(18_596_347);
        politie.Bedrag("bedragOuder").Should().Be(18_596_347);
        politie.Tekst("deel").Should().Be("Politie");
        politie.Tekst("soortDeel").Should().Be("artikel");
        politie.Bedrag("bronRegel").Should().Be(472);
        Som(gegevens, "aandeelVanGeheel").Should().Be(100.00m);
        Som(gegevens, "aandeelVanOuder").Should().Be(100.00m);
        gegevens.Sum(r => r!.Bedrag("bedrag")).Should().Be(18_596_347);
        metadata.Tekst("afronding").Should().Contain("grootste resten");
    }

    [Fact]
    public async Task Standaard_uitgaven_artikel_en_het_eerste_jaar()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/aandelen?begroting=jenv");

        gegevens.Should().HaveCount(8);
        gegevens.Should().OnlyContain(r => r!.Tekst("begroting") == "JenV" && r!.Tekst("soort") == "uitgaven"
                                           && r!.Bedrag("jaar") == 2026 && r!.Tekst("niveau") == "artikel");
    }

    [Fact]
    public async Task Per_waarvan_regel_het_aandeel_in_het_artikel_en_de_begroting()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/aandelen?begroting=JenV&jaar=2026&niveau=waarvan");

        var bijdrage = gegevens.Single(r => r!.Tekst("deel") == "Bijdrage aan Politie")!;
        // 8.480.305 / 8.843.848 = 95.8893 % → 95.89
        bijdrage.Getal("aandeelVanOuder").Should().Be(95.89m);
        bijdrage.Bedrag("bedragOuder").Should().Be(8_843_848);
        // 8.480.305 / 18.596.347 = 45.6020 % → 45.60
        bijdrage.Getal("aandeelVanGeheel").Should().Be(45.60m);
        var overig31 = gegevens.Single(r => r!.Bedrag("artikel") == 31 && r!.Tekst("soortDeel") == "overig")!;
        // 8.843.848 − 8.480.305 = 363.543; 363.543 / 8.843.848 = 4.1107 % → 4.11
        overig31.Tekst("deel").Should().Be("overig, niet gespecificeerd");
        overig31.Bedrag("bedrag").Should().Be(363_543);
        overig31.Getal("aandeelVanOuder").Should().Be(4.11m);
        overig31.Bedrag("bronRegel").Should().Be(472);
        // Article 92 has no waarvan lines: one part, all of it.
        var onverdeeld = gegevens.Single(r => r!.Bedrag("artikel") == 92)!;
        onverdeeld.Bedrag("bedrag").Should().Be(50_469);
        onverdeeld.Getal("aandeelVanOuder").Should().Be(100m);

        gegevens.Should().HaveCount(19 + 8, "the 19 waarvan lines and one remainder per article");
        foreach (var artikel in gegevens.GroupBy(r => r!.Bedrag("artikel")))
        {
            Som(artikel, "aandeelVanOuder").Should().Be(100.00m, $"the parts of article {artikel.Key}");
            artikel.Sum(r => r!.Bedrag("bedrag")).Should().Be(artikel.First()!.Bedrag("bedragOuder"));
        }
        Som(gegevens, "aandeelVanGeheel").Should().Be(100.00m);
        gegevens.Sum(r => r!.Bedrag("bedrag")).Should().Be(18_596_347);
    }

    [Fact]
    public async Task Een_leeg_bedrag_heeft_geen_aandeel_en_blijft_in_de_rest()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/aandelen?begroting=AenM&jaar=2029&niveau=waarvan");

        var oekraine = gegevens.Single(r => r!.Tekst("deel") == "opvang Oekraïense ontheemden")!;
        oekraine["bedrag"].Should().BeNull();
        oekraine["aandeelVanOuder"].Should().BeNull();
        oekraine["aandeelVanGeheel"].Should().BeNull();
        // 1.905.134 − (730.411 + 759.665 + 79.144 + 104.487) = 231.427 (data/README.md, decision 1)
        var overig = gegevens.Single(r => r!.Bedrag("artikel") == 37 && r!.Tekst("soortDeel") == "overig")!;
        overig.Bedrag("bedrag").Should().Be(231_427);
        // 231.427 / 1.905.134 = 12.1475 % → 12.15
        overig.Getal("aandeelVanOuder").Should().Be(12.15m);
        var bekend = gegevens.Where(r => r!["aandeelVanGeheel"] is not null).ToList();
        Som(bekend, "aandeelVanGeheel").Should().Be(100.00m);
        Som(bekend.Where(r => r!.Bedrag("artikel") == 37), "aandeelVanOuder").Should().Be(100.00m);
    }

    [Fact]
    public async Task Ontvangsten_delen_door_de_som_van_de_artikelen_niet_het_gedrukte_totaal()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=ontvangsten&jaar=2026");

        gegevens.Should().OnlyContain(r => r!.Bedrag("bedragGeheel") == 1_843_526);
        // 1.479.631 / 1.843.526 = 80.2609 % → 80.26
        gegevens.Single(r => r!.Bedrag("artikel") == 33)!.Getal("aandeelVanGeheel").Should().Be(80.26m);
        gegevens.Single(r => r!.Bedrag("artikel") == 92)!.Getal("aandeelVanGeheel").Should().Be(0m);
        Som(gegevens, "aandeelVanGeheel").Should().Be(100.00m);
    }

    [Fact]
    public async Task In_csv_dezelfde_velden_en_cijfers_als_in_json()
    {
        const string url = "/v1/aandelen?begroting=JenV&jaar=2026&niveau=waarvan";
        var (gegevens, _) = await _client.GetLijst(url);
        var csv = await _client.GetCsv(url + "&formaat=csv");

        CsvEnJson.ZelfdeCijfers(csv, gegevens);
        csv.Single(r => r["deel"] == "Bijdrage aan Politie")["aandeelVanOuder"].Should().Be("95.89");
    }

    [Theory]
    [InlineData("", "begroting", "verplicht")]
    [InlineData("begroting=XYZ", "begroting", "toegestaan: " + Verwacht.Begrotingen)]
    [InlineData("begroting=JenV&begroting=AenM", "begroting", "toegestaan: " + Verwacht.Begrotingen)]
    [InlineData("begroting=JenV&soort=saldo", "soort", "toegestaan: verplichtingen, uitgaven, ontvangsten")]
    [InlineData("begroting=JenV&jaar=2031", "jaar", "toegestaan: 2026 tot en met 2030")]
    [InlineData("begroting=JenV&jaar=abc", "jaar", "Parameter 'jaar': 'abc' is geen geldige waarde; verwacht een geheel getal.")]
    [InlineData("begroting=JenV&niveau=organisatie", "niveau", "toegestaan: artikel, waarvan")]
    [InlineData("begroting=JenV&formaat=pdf", "formaat", "toegestaan: json, csv, xlsx")]
    public async Task Een_ongeldige_parameter_is_een_400_die_hem_noemt(string query, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem("/v1/aandelen?" + query, HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem.Tekst("detail").Should().Contain(reden);
    }
}
