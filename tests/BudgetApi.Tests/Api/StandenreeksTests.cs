using System.Net;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// /v1/standenreeks: every stand of a begrotingsjaar side by side, per line, over real HTTP on the bundled data. Its figures are
/// checked against /v1/bedragen (each stand's amount), /v1/mutaties (each neighbour's mutatie) and /v1/uitputting (the last column).
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class StandenreeksTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] Cyclus2015 = ["ontwerpbegroting", "vastgestelde-begroting", "1e-suppletoire", "2e-suppletoire", "jaarverslag"];

    [Fact]
    public async Task VI_artikel_31_in_2015_van_5_132_936_naar_5_146_049_met_elke_stand_ertussen()
    {
        var (rijen, metadata) = await _client.GetLijst("/v1/standenreeks?begroting=VI&begrotingsjaar=2015&artikel=31");

        var politie = rijen.Single()!;
        (politie.Tekst("regelsoort"), politie.Tekst("omschrijving"), politie.Bedrag("jaar")).Should().Be(("artikel", "Nationale Politie", 2015L));
        var standen = politie["standen"]!.AsArray();
        standen.Select(s => s!.Tekst("fase")).Should().Equal(Cyclus2015, "the standen of 2015 in the order of the cycle, and only those the data has");
        standen.Select(s => s!["bedrag"]!.GetValue<long>()).Should().Equal(5_132_936, 5_132_936, 5_150_343, 5_150_542, 5_146_049);
        standen[0]!["mutatie"].Should().BeNull("the first stand has nothing before it");
        standen.Skip(1).Select(s => s!["mutatie"]!.GetValue<long>()).Should().Equal(0, 17_407, 199, -4_493);
        (politie.Tekst("begrootFase"), politie.Bedrag("begroot"), politie.Bedrag("realisatie"), politie.Bedrag("verschil"), politie.Tekst("oordeel"))
            .Should().Be(("2e-suppletoire", 5_150_542L, 5_146_049L, -4_493L, "onderuitputting"));
        metadata["standen"]!.AsArray().Select(s => s!.Tekst("id")).Should().Equal(Cyclus2015.Select(f => $"VI-2015-{f}"));
    }

    [Fact]
    public async Task Elk_bedrag_is_dat_van_bedragen_elke_mutatie_die_van_mutaties_en_de_uitputting_die_van_uitputting()
    {
        var (rijen, _) = await _client.GetAllePaginas("/v1/standenreeks?begroting=VI&begrotingsjaar=2015&paginaGrootte=10");
        rijen.Should().HaveCountGreaterThan(10, "the begroting's total and every artikel, over more than one page");
        rijen[0]!.Tekst("regelsoort").Should().Be("totaal");

        foreach (var (fase, index) in Cyclus2015.Select((f, i) => (f, i)))
        {
            var (bedragen, _) = await _client.GetAllePaginas($"/v1/bedragen?begroting=VI&begrotingsjaar=2015&fase={fase}&soort=uitgaven&jaar=2015&regelsoort=artikel&paginaGrootte=1000");
            var perArtikel = bedragen.ToDictionary(b => b!.Bedrag("artikel"), b => b!["bedrag"]?.GetValue<long>());
            foreach (var rij in rijen.Where(r => r!.Tekst("regelsoort") == "artikel"))
            {
                var cel = rij!["standen"]!.AsArray()[index]!;
                cel["bedrag"]?.GetValue<long>().Should().Be(perArtikel.GetValueOrDefault(rij.Bedrag("artikel")), $"artikel {rij["artikel"]} in {fase}");
                cel["inStand"]!.GetValue<bool>().Should().Be(perArtikel.ContainsKey(rij.Bedrag("artikel")));
            }
            if (index == 0) continue;
            var (mutaties, _) = await _client.GetLijst($"/v1/mutaties?begroting=VI&begrotingsjaar=2015&van={Cyclus2015[index - 1]}&naar={fase}&jaar=2015");
            foreach (var m in mutaties)
            {
                var rij = rijen.Single(r => r!.Tekst("regelsoort") == m!.Tekst("regelsoort") && r!["artikel"]?.GetValue<int>() == m!["artikel"]?.GetValue<int>());
                rij!["standen"]!.AsArray()[index]!["mutatie"]?.GetValue<long>().Should().Be(m!["mutatie"]?.GetValue<long>(), $"{m["omschrijving"]} from {Cyclus2015[index - 1]} to {fase}");
            }
        }

        var (uitputting, _) = await _client.GetLijst("/v1/uitputting?begroting=VI&begrotingsjaar=2015");
        foreach (var u in uitputting)
        {
            var rij = rijen.Single(r => r!["artikel"]?.GetValue<int>() == u!["artikel"]?.GetValue<int>() && r!.Tekst("regelsoort") != "artikel" == (u!["artikel"] is null));
            (rij!["begroot"]?.GetValue<long>(), rij["realisatie"]?.GetValue<long>(), rij["verschil"]?.GetValue<long>(), rij["oordeel"]?.GetValue<string>())
                .Should().Be((u!["begroot"]?.GetValue<long>(), u["realisatie"]?.GetValue<long>(), u["verschil"]?.GetValue<long>(), u["oordeel"]?.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Op_regelniveau_staan_de_delen_op_elke_diepte_en_een_regel_kiest_zijn_deelboom()
    {
        // The 2016 ontwerpbegroting has budgettaire tabellen: parts below artikel 31 at three depths, for five years.
        var (alle, _) = await _client.GetLijst("/v1/standenreeks?begroting=VI&begrotingsjaar=2016&artikel=31&niveau=regel");
        alle[0]!.Tekst("regelsoort").Should().Be("artikel");
        alle.Select(r => r!.Tekst("regelsoort")).Should().Contain(["artikelonderdeel", "financieel-instrument", "uitsplitsing"]);
        var (bedragen, _) = await _client.GetAllePaginas("/v1/bedragen?begroting=VI&begrotingsjaar=2016&artikel=31&soort=uitgaven&jaar=2016&paginaGrootte=1000");
        alle.Should().HaveCount(bedragen.Count, "one row per printed line");
        foreach (var b in bedragen)
        {
            var rij = alle.Single(r => r!.Tekst("regelsoort") == b!.Tekst("regelsoort") && r!.Tekst("pad") == b!.Tekst("pad") && r!.Tekst("omschrijving") == b!.Tekst("omschrijving"));
            rij!["standen"]!.AsArray().Single()!["bedrag"]?.GetValue<long>().Should().Be(b!["bedrag"]?.GetValue<long>());
        }

        var (deel, _) = await _client.GetLijst("/v1/standenreeks?begroting=VI&begrotingsjaar=2016&artikel=31&regel=" +
                                               Uri.EscapeDataString("bekostiging NATIONALE politie >  Bijdrage aan ZBO’s/RWT’s"));
        deel.Select(r => r!.Tekst("omschrijving")).Should().Equal("Bijdrage aan ZBO’s/RWT’s", "Nationale Politie", "Politieacademie");
        deel.Select(r => r!["standen"]!.AsArray()[0]!["bedrag"]!.GetValue<long>()).Should().Equal(5_045_161, 4_939_208, 105_953);

        // Another year of the same stand: only standen that print that year are columns (the ontwerpbegroting 2016 has 2014–2020).
        var (later, metadata) = await _client.GetLijst("/v1/standenreeks?begroting=VI&begrotingsjaar=2016&artikel=31&jaar=2019");
        later.Single()!.Bedrag("jaar").Should().Be(2019);
        metadata["standen"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task CSV_en_Excel_hebben_een_rij_per_regel_en_stand_met_dezelfde_cijfers()
    {
        const string url = "/v1/standenreeks?begroting=VI&begrotingsjaar=2015&artikel=31";
        var csv = await _client.GetCsv(url + "&formaat=csv");
        csv.Select(r => (r["fase"], r["bedrag"], r["mutatie"])).Should().Equal(
            ("ontwerpbegroting", "5132936", ""), ("vastgestelde-begroting", "5132936", "0"), ("1e-suppletoire", "5150343", "17407"),
            ("2e-suppletoire", "5150542", "199"), ("jaarverslag", "5146049", "-4493"));
        csv.Should().OnlyContain(r => r["realisatie"] == "5146049" && r["oordeel"] == "onderuitputting");
        var werkmap = await _client.GetXlsx(url + "&formaat=xlsx");
        werkmap.Bestandsnaam.Should().Be("standenreeks-VI-2015-31.xlsx", "the one rule of every download: the resource, then the selection as asked");
        Werkmappen.ZelfdeAlsCsv(werkmap["Gegevens"], csv);
    }

    [Theory]
    [InlineData("/v1/standenreeks", "begroting")]
    [InlineData("/v1/standenreeks?begroting=XY", "begroting")]
    [InlineData("/v1/standenreeks?begroting=VI&begrotingsjaar=2019", "begrotingsjaar")]
    [InlineData("/v1/standenreeks?begroting=VI&begrotingsjaar=2015&jaar=2016", "jaar")]
    [InlineData("/v1/standenreeks?begroting=VI&begrotingsjaar=2015&artikel=99", "artikel")]
    [InlineData("/v1/standenreeks?begroting=VI&regel=Halt", "regel")]
    [InlineData("/v1/standenreeks?begroting=VI&niveau=diep", "niveau")]
    [InlineData("/v1/standenreeks?begroting=VI&paginaGrootte=0", "paginaGrootte")]
    public async Task Een_ongeldige_vraag_is_een_400_die_de_parameter_noemt(string url, string parameter)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Contain(parameter);
    }
}
