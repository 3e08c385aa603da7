using System.Globalization;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The ontwerpbegroting 2016 comes from both samples. Five hoofdstukken number their artikelen differently in the two (BZ: 41–47 in the
/// begrotingsstaten, 1–7 in the budgettaire tabellen); they were served at twice their total. Each artikel is now one artikel, and
/// the money counts once: the served total is the begrotingsstaten' total, computed here from the file itself.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class OverlappendePublicatiesTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Per soort, the sum of the begrotingsstaten' ontwerpbegroting column for the hoofdstuk's 2016 rows (V/U/O in column 2).</summary>
    private static Dictionary<string, long> Begrotingsstaten(string hoofdstuk)
    {
        var soorten = new Dictionary<string, string> { ["V"] = "verplichtingen", ["U"] = "uitgaven", ["O"] = "ontvangsten" };
        using var lezer = new CsvHelper.CsvParser(new StreamReader(Path.Combine(Repo.DataMap, "standen", "begrotingsstaten-2013-2017.csv")), CultureInfo.InvariantCulture);
        lezer.Read();
        var totalen = new Dictionary<string, long>();
        while (lezer.Read())
        {
            var rij = lezer.Record!;
            if (rij[0] != "2016" || rij[2] != hoofdstuk || rij[6].Length == 0) continue;
            totalen[soorten[rij[1]]] = totalen.GetValueOrDefault(soorten[rij[1]]) + long.Parse(rij[6], CultureInfo.InvariantCulture);
        }
        return totalen;
    }

    private async Task<(long Bedrag, long AantalRegels)> Totaal(string hoofdstuk, string soort)
    {
        var (rijen, _) = await _client.GetLijst($"/v1/totalen?begroting={hoofdstuk}&begrotingsjaar=2016&fase=ontwerpbegroting&soort={soort}&vanJaar=2016&totJaar=2016");
        var rij = rijen.Single()!;
        return (rij.Bedrag("bedrag"), rij.Bedrag("aantalRegels"));
    }

    [Theory]
    [InlineData("V", 9_044_617)]     // was 18.089.234
    [InlineData("VII", 683_228)]     // was 1.366.456
    [InlineData("XVII", 2_686_906)]  // was 5.373.812
    [InlineData("XVIII", 3_760_382)] // was 7.520.764
    public async Task Het_totaal_van_een_hoofdstuk_met_andere_artikelnummers_is_dat_van_de_begrotingsstaten(string hoofdstuk, long uitgaven)
    {
        var begrotingsstaten = Begrotingsstaten(hoofdstuk);
        begrotingsstaten["uitgaven"].Should().Be(uitgaven, "the file itself");

        foreach (var (soort, totaal) in begrotingsstaten)
        {
            (await Totaal(hoofdstuk, soort)).Bedrag.Should().Be(totaal, $"{hoofdstuk} {soort} 2016 counts once, whichever publication numbers its artikelen how");
        }
        var (verschillen, _) = await _client.GetLijst($"/v1/bevindingen?soort=bronnen-verschillen&begroting={hoofdstuk}");
        verschillen.Should().BeEmpty("the two publications agree on every figure of these hoofdstukken");
    }

    [Fact]
    public async Task BZ_heeft_zeven_artikelen_met_de_nummers_van_de_budgettaire_tabellen_en_elk_telt_een_keer()
    {
        var (artikelen, metadata) = await _client.GetLijst("/v1/begrotingen/BZ/artikelen?begrotingsjaar=2016&fase=ontwerpbegroting&soort=uitgaven");

        artikelen.Select(a => a!["artikel"]!.GetValue<int>()).Should().Equal(1, 2, 3, 4, 5, 6, 7);
        var europa = artikelen.Single(a => a!["artikel"]!.GetValue<int>() == 3)!;
        europa.Tekst("omschrijving").Should().Be("Europese samenwerking", "the leading publication's name");
        europa["bedragen"]!.AsArray().Single(b => b!["jaar"]!.GetValue<int>() == 2016)!["bedrag"]!.GetValue<long>().Should().Be(7_891_356);
        metadata.Tekst("bron").Should().Be("begrotingsstaten-2013-2017.csv; budgettaire-tabellen-owb-2016.csv");

        (await Totaal("V", "uitgaven")).AantalRegels.Should().Be(7, "13 lines before: 7 of the budgettaire tabellen and 6 of the begrotingsstaten");
        var geen = await _client.GetProbleem("/v1/bedragen?begroting=V&begrotingsjaar=2016&fase=ontwerpbegroting&artikel=41", System.Net.HttpStatusCode.BadRequest);
        geen.Tekst("detail").Should().Contain("toegestaan: 1, 2, 3, 4, 5, 6, 7", "41 is the begrotingsstaten' number for artikel 1, not a second artikel");
    }

    [Fact]
    public async Task IXA_telt_een_keer_met_de_cijfers_van_de_budgettaire_tabellen_en_elk_verschil_met_de_begrotingsstaten_is_een_bevinding()
    {
        // IXA's budgettaire tabellen print to the € mln (36.228.000), its begrotingsstaten to the € 1.000 (36.227.971): the more detailed
        // publication counts at every level (docs/standen.md), and every figure they differ on is a finding with both.
        var begrotingsstaten = Begrotingsstaten("IXA");
        var (verschillen, _) = await _client.GetLijst("/v1/bevindingen?soort=bronnen-verschillen&begroting=IXA");
        verschillen.Select(v => v!.Tekst("id")).Should().BeEquivalentTo(
            "bronnen-verschillen/IXA-2016-ontwerpbegroting/uitgaven/11/2016",
            "bronnen-verschillen/IXA-2016-ontwerpbegroting/uitgaven/12/2016",
            "bronnen-verschillen/IXA-2016-ontwerpbegroting/ontvangsten/12/2016");

        foreach (var (soort, totaal) in begrotingsstaten)
        {
            var verschil = verschillen.Where(v => v!.Tekst("id").Contains($"/{soort}/", StringComparison.Ordinal))
                .Sum(v => v!["cijfers"]![1]!.Bedrag("waarde") - v!["cijfers"]![0]!.Bedrag("waarde"));
            (await Totaal("IXA", soort)).Bedrag.Should().Be(totaal - verschil, $"IXA {soort} 2016 counts once; it differs from the begrotingsstaten' total by exactly the findings");
        }
        (await Totaal("IXA", "uitgaven")).Should().Be((37_429_000, 2), "was 74.858.420 from 4 lines");
        var financiering = verschillen.Single(v => v!.Tekst("id").EndsWith("uitgaven/11/2016", StringComparison.Ordinal))!;
        financiering["cijfers"]!.AsArray().Select(c => (c!.Bedrag("waarde"), c!.Tekst("bronBestand"), c!.Bedrag("bronRegel"))).Should().Equal(
            (36_228_000L, "budgettaire-tabellen-owb-2016.csv", 5589L), (36_227_971L, "begrotingsstaten-2013-2017.csv", 1774L));
        // The begrotingsstaten' verplichtingen (the budgettaire tabellen print none for IXA) land on the same artikelen, 11 and 12.
        var (artikelen, _) = await _client.GetLijst("/v1/begrotingen/IXA/artikelen?begrotingsjaar=2016&fase=ontwerpbegroting&soort=verplichtingen");
        artikelen.Select(a => a!["artikel"]!.GetValue<int>()).Should().Equal(11, 12);
    }
}
