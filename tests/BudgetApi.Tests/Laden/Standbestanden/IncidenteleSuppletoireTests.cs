using System.Text.Json.Nodes;
using BudgetApi.Domein;
using BudgetApi.Laden.Standbestanden;
using BudgetApi.Tests.Api;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Laden.Standbestanden;

/// <summary>
/// Numbered incidentele suppletoire begrotingen (issue 14 §4): each a stand of its own, in its place in the cycle, served by every
/// endpoint as incidentele-suppletoire-N.
/// </summary>
public sealed class IncidenteleSuppletoireTests
{
    [Theory]
    [InlineData("ISB", 1)]
    [InlineData("isb", 1)]
    [InlineData("ISB1", 1)]
    [InlineData("ISB 2", 2)]
    [InlineData("ISB-3", 3)]
    [InlineData("1e ISB", 1)]
    [InlineData("2de ISB", 2)]
    [InlineData("1ste incidentele suppletoire begroting", 1)]
    [InlineData("2e incidentele suppletoire begroting", 2)]
    [InlineData("Derde incidentele suppletoire", 3)]
    [InlineData("Twaalfde Incidentele Suppletoire Begroting", 12)]
    [InlineData("Incidentele suppletoire begroting", 1)]
    [InlineData("10e ISB", 10)]
    public void Elke_schrijfwijze_is_de_incidentele_suppletoire_van_haar_nummer(string tekst, int nummer) =>
        Standwoorden.Fase(tekst).Should().Be(Begrotingscodes.IncidenteleSuppletoire(nummer));

    [Theory]
    [InlineData("ISB13")]
    [InlineData("ISB 2020")]
    [InlineData("Crisisbeheersing")]
    [InlineData("incidentele bijdrage")]
    public void Wat_geen_genummerde_incidentele_suppletoire_is_is_geen_fase(string tekst) => Standwoorden.Fase(tekst).Should().BeNull();

    [Fact]
    public void Een_kolom_per_stand_met_een_incidentele_suppletoire_is_een_stand_van_haar_nummer()
    {
        const string tekst = "Begrotingsjaar,VUO,Hoofdstuk,Artikel,Omschrijving,Vastgestelde begroting,Stand 1e ISB,Stand 2e incidentele suppletoire begroting\n"
            + "2020,U,VI,33,Veiligheid,100,110,\n";
        var r = Standlezers.Lees("x.csv", tekst);
        r.Problemen.Should().BeEmpty();
        r.Standen.Select(s => s.Stand.Fase).Should().Equal(Begrotingscodes.VastgesteldeBegroting, Begrotingscodes.IncidenteleSuppletoire(1));
    }

    [Fact]
    public void De_cyclus_heeft_de_incidentele_suppletoires_tussen_de_vastgestelde_begroting_en_de_1e_suppletoire()
    {
        Begrotingscodes.Volgorde(Begrotingscodes.IncidenteleSuppletoire(1)).Should().Be(Begrotingscodes.Volgorde(Begrotingscodes.VastgesteldeBegroting) + 1);
        Begrotingscodes.Volgorde(Begrotingscodes.IncidenteleSuppletoire(12)).Should().Be(Begrotingscodes.Volgorde(Begrotingscodes.EersteSuppletoire) - 1);
        Begrotingscodes.FaseLabel(Begrotingscodes.IncidenteleSuppletoire(2)).Should().Be("2e incidentele suppletoire");
    }

    [Fact]
    public async Task Een_ISB_bestand_importeert_over_HTTP_en_elke_ISB_is_een_stand_met_mutaties_tussen_de_buren()
    {
        using var map = new TijdelijkeMap();
        map.KopieVanData();
        await using var factory = new ImportFactory(map);
        using var client = factory.CreateClient();
        await Antwoorden.Json(await client.Importeer(File.ReadAllText(LagenTests.Pad("budgettaire-tabellen-2020-isb.csv")), Tokens.Maak(),
            "?bestandsnaam=budgettaire-tabellen-2020-isb.csv"), System.Net.HttpStatusCode.Created);

        var (standen, _) = await client.GetLijst("/v1/standen?begroting=VI&begrotingsjaar=2020");
        standen.OfType<JsonNode>().Select(s => s.Tekst("fase")).Should().Equal(
            "vastgestelde-begroting", "incidentele-suppletoire-1", "incidentele-suppletoire-2", "incidentele-suppletoire-3", "1e-suppletoire");
        var (stand, _) = await client.GetLijst("/v1/standen/VI-2020-incidentele-suppletoire-2");
        stand.Should().ContainSingle();

        var (mutaties, _) = await client.GetLijst("/v1/mutaties?begroting=VI&begrotingsjaar=2020&van=incidentele-suppletoire-1&naar=incidentele-suppletoire-2");
        var artikel = mutaties.OfType<JsonNode>().Single(m => m["artikel"]?.GetValue<int>() == 33);
        artikel["bedragVan"]!.GetValue<long>().Should().Be(55_000);
        artikel["bedragNaar"]!.GetValue<long>().Should().Be(64_500);
        artikel["mutatie"]!.GetValue<long>().Should().Be(9_500);

        var (bedragen, _) = await client.GetLijst("/v1/bedragen?begroting=VI&begrotingsjaar=2020&fase=incidentele-suppletoire-3&regelsoort=artikel&jaar=2020");
        bedragen.OfType<JsonNode>().Single()["bedrag"]!.GetValue<long>().Should().Be(65_000);
    }
}
