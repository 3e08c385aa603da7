using System.Globalization;
using System.Net;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class BezettingTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    // The printed rows of the table "Bezetting FTE (stand 2025) en budget (stand ontwerpbegroting 2026)", lines 634–652.
    private static readonly long[] Fte = [66_658, 17_285, 12_205, 6_449, 5_651, 2_832, 2_061, 1_601, 739, 2_477];
    private static readonly long[] Budget = [8_480, 3_477, 1_565, 903, 1_020, 431, 264, 211, 116];

    [Fact]
    public async Task De_tien_gedrukte_rijen_zonder_totaalrij()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/bezetting");

        gegevens.Should().HaveCount(10);
        gegevens.Select(r => r!.Bedrag("bezettingFte")).Should().Equal(Fte);
        gegevens.Take(9).Select(r => r!.Bedrag("budgetMiljoen")).Should().Equal(Budget);
        metadata["aantal"]!.GetValue<int>().Should().Be(10);
        metadata.Tekst("afronding").Should().Contain("hele euro");
        metadata.Tekst("valuta").Should().Be("EUR");
    }

    [Fact]
    public async Task Politie_66658_fte_8480_miljoen_en_127217_euro_per_fte()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bezetting");

        var politie = gegevens[0]!;
        politie.Tekst("organisatieZoalsGedrukt").Should().Be("Politie (budget artikel 31)");
        politie.Tekst("organisatie").Should().Be("Politie");
        politie.Bedrag("bezettingFte").Should().Be(66_658);
        politie.Bedrag("budgetMiljoen").Should().Be(8_480);
        // 8.480.000.000 / 66.658 = 127.216,54… → 127.217
        politie.Bedrag("budgetPerFteEuro").Should().Be(127_217);
        politie.Tekst("komtOvereenMet").Should().Be("JenV:uitgaven:31:Bijdrage aan Politie");
        politie.Bedrag("bronRegel").Should().Be(634);
        // NFI: 116.000.000 / 739 = 156.968,87… → 156.969
        gegevens[8]!.Bedrag("budgetPerFteEuro").Should().Be(156_969);
    }

    [Fact]
    public async Task Aandelen_van_elke_kolom_tellen_op_tot_100()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bezetting");

        var totaalFte = Fte.Sum();
        totaalFte.Should().Be(117_958);
        var politieExact = 100m * 66_658 / totaalFte; // 56,5099…
        gegevens[0]!.Getal("aandeelBezettingProcent").Should().Be(Math.Round(politieExact, 2, MidpointRounding.AwayFromZero)).And.Be(56.51m);
        gegevens.Sum(r => r!.Getal("aandeelBezettingProcent")).Should().Be(100.00m);

        var totaalBudget = Budget.Sum();
        totaalBudget.Should().Be(16_467);
        gegevens[0]!.Getal("aandeelBudgetProcent").Should().Be(51.50m); // 8.480 / 16.467 = 51,497…
        gegevens.Take(9).Sum(r => r!.Getal("aandeelBudgetProcent")).Should().Be(100.00m);
    }

    [Fact]
    public async Task Overig_heeft_alleen_een_bezetting()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bezetting");

        var overig = gegevens[9]!;
        overig.Tekst("organisatieZoalsGedrukt").Should().Be("Overig");
        overig["organisatie"].Should().BeNull();
        overig.Bedrag("bezettingFte").Should().Be(2_477);
        overig["budgetMiljoen"].Should().BeNull();
        overig["aandeelBudgetProcent"].Should().BeNull();
        overig["budgetPerFteEuro"].Should().BeNull();
        overig.Getal("aandeelBezettingProcent").Should().Be(2.10m); // 2.477 / 117.958 = 2,0999…
        gegevens[5]!["komtOvereenMet"].Should().BeNull("Bestuursdepartement 431 matches no budget line");
    }

    [Fact]
    public async Task In_csv_dezelfde_cijfers_als_in_json()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/bezetting");
        var csv = await _client.GetCsv("/v1/bezetting?formaat=csv");

        csv.Should().HaveCount(10);
        csv[0].Keys.Should().Equal(gegevens[0]!.AsObject().Select(p => p.Key));
        for (var i = 0; i < csv.Count; i++)
        {
            long.Parse(csv[i]["bezettingFte"], CultureInfo.InvariantCulture).Should().Be(gegevens[i]!.Bedrag("bezettingFte"));
            decimal.Parse(csv[i]["aandeelBezettingProcent"], CultureInfo.InvariantCulture).Should().Be(gegevens[i]!.Getal("aandeelBezettingProcent"));
        }
        csv[0]["budgetPerFteEuro"].Should().Be("127217");
        csv[9]["budgetMiljoen"].Should().BeEmpty();
    }

    [Fact]
    public async Task Een_onbekend_formaat_is_een_400_die_de_parameter_noemt()
    {
        var probleem = await _client.GetProbleem("/v1/bezetting?formaat=ods", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal("formaat");
    }
}
