using System.Globalization;
using System.Net;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class OrganisatiesTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Het_register_met_soort_en_waar_een_organisatie_onder_valt()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/organisaties");

        gegevens.Should().HaveCount(62, "organisaties.csv has 62 organisations");
        metadata["aantal"]!.GetValue<int>().Should().Be(62);
        var cjib = gegevens.Single(o => o!.Tekst("code") == "CJIB")!;
        cjib.Tekst("naam").Should().Be("Centraal Justitieel Incassobureau");
        cjib.Tekst("soort").Should().Be("agentschap");
        cjib.Tekst("onderdeelVan").Should().Be("DGSenB");
        cjib.Bedrag("bronRegel").Should().Be(6759);
        gegevens.Single(o => o!.Tekst("code") == "hoge-raad")!["afkorting"].Should().BeNull();
    }

    [Fact]
    public async Task OnderdeelVan_geeft_de_hele_boom_eronder_zonder_de_organisatie_zelf()
    {
        var (dgsenb, _) = await _client.GetLijst("/v1/organisaties?onderdeelVan=dgsenb");
        dgsenb.Select(o => o!.Tekst("code")).Should().Equal("CJIB", "Justis", "DJI", "JIO", "DARC", "GW-VB");
        dgsenb.Single(o => o!.Tekst("code") == "GW-VB")!.Tekst("onderdeelVan").Should().Be("DJI", "GW/VB is a directie of DJI, two steps below DGSenB");

        // AM lies under DGM, and the AM secretariat under AM: two steps down, still in DGM's tree.
        var (dgm, _) = await _client.GetLijst("/v1/organisaties?onderdeelVan=DGM");
        dgm.Select(o => o!.Tekst("code")).Should().Equal("PDOEK", "BIM", "AM", "am-secretariaat", "IND", "pdoek-afdeling-beleid");
        dgm.Single(o => o!.Tekst("code") == "am-secretariaat")!.Tekst("onderdeelVan").Should().Be("AM");
    }

    [Fact]
    public async Task Meting_geeft_alleen_organisaties_met_zo_n_cijfer_ook_uit_de_bezettingstabel()
    {
        var (formatie, _) = await _client.GetLijst("/v1/organisaties?meting=formatie&onderdeelVan=DGSenB");
        formatie.Select(o => o!.Tekst("code")).Should().Equal("Justis");

        // Politie has no bezetting in the text, only in the table Bezetting FTE.
        var (bezetting, _) = await _client.GetLijst("/v1/organisaties?meting=Bezetting");
        bezetting.Select(o => o!.Tekst("code")).Should().Contain(["Politie", "bestuursdepartement", "DGRR"]).And.NotContain("DGPenV");
    }

    [Fact]
    public async Task Code_geeft_de_registergegevens_van_een_organisatie()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/organisaties?code=dgrr");

        var dgrr = gegevens.Should().ContainSingle().Subject!;
        dgrr.Tekst("code").Should().Be("DGRR");
        dgrr.Tekst("naam").Should().Be("Directoraat-Generaal Rechtspleging en Rechtshandhaving");
        dgrr.Tekst("onderdeelVan").Should().Be("JenV");
    }

    [Fact]
    public async Task De_bezetting_van_DGRR_is_355_25_fte_op_31_december_2025_exact_als_gedrukt()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/organisaties/dgrr");

        gegevens.Should().OnlyContain(f => f!.Tekst("organisatie") == "DGRR");
        metadata["aantal"]!.GetValue<int>().Should().Be(gegevens.Count);
        var bezetting = gegevens.Single(f => f!.Tekst("meting") == "bezetting")!;
        bezetting.Getal("waarde").Should().Be(355.25m);
        bezetting["waarde"]!.ToJsonString().Should().Be("355.25");
        bezetting.Tekst("peildatum").Should().Be("2025-12-31");
        bezetting.Tekst("zoalsGedrukt").Should().Be("355,25 fte");
        bezetting.Tekst("eenheid").Should().Be("fte");
        bezetting.Tekst("herkomst").Should().Be("organisatiefeiten");
        bezetting.Bedrag("bronRegel").Should().Be(4390);
        var uitgaven2026 = gegevens.Single(f => f!.Tekst("omschrijving") == "uitgaven" && f!["jaar"]?.GetValue<long>() == 2026)!;
        uitgaven2026.Getal("waarde").Should().Be(3_968_511m);
        uitgaven2026.Tekst("eenheid").Should().Be("x € 1.000");
    }

    [Fact]
    public async Task De_formatie_van_DGPenV_is_ca_179_fte()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/organisaties/DGPenV");

        var formatie = gegevens.Single(f => f!.Tekst("meting") == "formatie")!;
        formatie.Getal("waarde").Should().Be(179m);
        formatie.Tekst("eenheid").Should().Be("fte");
        formatie.Tekst("kwalificatie").Should().Be("ca.");
        formatie.Tekst("zoalsGedrukt").Should().Be("ca. 179 fte");
        formatie.Bedrag("bronRegel").Should().Be(2430);
        gegevens.Single(f => f!.Tekst("omschrijving") == "Totale budget DGPenV")!.Getal("waarde").Should().Be(9.2m);
    }

    [Fact]
    public async Task Politie_heeft_66658_fte_bezetting_en_8480_miljoen_budget_uit_de_bezettingstabel()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/organisaties/politie");

        var uitTabel = gegevens.Where(f => f!.Tekst("herkomst") == "bezetting").ToList();
        uitTabel.Should().HaveCount(2);
        var fte = uitTabel.Single(f => f!.Tekst("meting") == "bezetting")!;
        fte.Getal("waarde").Should().Be(66_658m);
        fte.Tekst("eenheid").Should().Be("fte");
        fte.Tekst("zoalsGedrukt").Should().Be("66.658");
        fte.Bedrag("jaar").Should().Be(2025);
        fte.Bedrag("bronRegel").Should().Be(634);
        var budget = uitTabel.Single(f => f!.Tekst("meting") == "budget")!;
        budget.Getal("waarde").Should().Be(8_480m);
        budget.Tekst("eenheid").Should().Be("€ miljoen");
        budget.Tekst("komtOvereenMet").Should().Be("JenV:uitgaven:31:Bijdrage aan Politie");
        gegevens.Where(f => f!.Tekst("herkomst") == "organisatiefeiten").Select(f => f!.Tekst("omschrijving"))
            .Should().Equal("Liaison officers op ambassades", "Politiemensen die de komende vijf jaar met pensioen gaan");
    }

    [Fact]
    public async Task In_csv_dezelfde_cijfers_als_in_json()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/organisaties/DGRR");
        var csv = await _client.GetCsv("/v1/organisaties/DGRR?formaat=csv");

        csv.Should().HaveCount(gegevens.Count);
        csv[0].Keys.Should().Equal(gegevens[0]!.AsObject().Select(p => p.Key));
        for (var i = 0; i < csv.Count; i++)
        {
            decimal.Parse(csv[i]["waarde"], CultureInfo.InvariantCulture).Should().Be(gegevens[i]!.Getal("waarde"));
            csv[i]["meting"].Should().Be(gegevens[i]!.Tekst("meting"));
        }
        csv.Single(r => r["meting"] == "bezetting")["waarde"].Should().Be("355.25");
        csv.Single(r => r["meting"] == "bezetting")["peildatum"].Should().Be("2025-12-31");

        var register = await _client.GetCsv("/v1/organisaties?onderdeelVan=DGSenB&formaat=csv");
        register.Select(r => r["code"]).Should().Equal("CJIB", "Justis", "DJI", "JIO", "DARC", "GW-VB");
    }

    [Fact]
    public async Task Een_onbekende_organisatie_is_een_404()
    {
        var probleem = await _client.GetProbleem("/v1/organisaties/bestaat-niet", HttpStatusCode.NotFound);

        probleem.Tekst("title").Should().Be("Niet gevonden: organisatie");
        probleem.Tekst("detail").Should().Contain("'bestaat-niet'");
    }

    [Theory]
    [InlineData("/v1/organisaties?meting=fte", "meting", "toegestaan: formatie, bezetting")]
    [InlineData("/v1/organisaties?onderdeelVan=XYZ", "onderdeelVan", "Onbekende organisatie 'XYZ'")]
    [InlineData("/v1/organisaties?code=XYZ", "code", "Onbekende organisatie 'XYZ'")]
    [InlineData("/v1/organisaties?formaat=xml", "formaat", "toegestaan: json, csv, xlsx")]
    [InlineData("/v1/organisaties/DGRR?formaat=pdf", "formaat", "toegestaan: json, csv, xlsx")]
    public async Task Een_ongeldige_parameter_is_een_400_die_hem_noemt(string url, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem.Tekst("detail").Should().Contain(reden);
    }

    [Fact]
    public async Task Alle_ongeldige_parameters_in_een_probleem()
    {
        var probleem = await _client.GetProbleem("/v1/organisaties?meting=x&onderdeelVan=y", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().BeEquivalentTo("onderdeelVan", "meting");
    }
}
