using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

[Collection(ApiCollectie.Naam)]
public sealed class TotalenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static JsonNode Rij(JsonArray gegevens, string begroting, int jaar, Func<JsonNode, bool>? en = null) =>
        gegevens.Single(r => r!.Tekst("begroting") == begroting && r!.Bedrag("jaar") == jaar && (en is null || en(r!)))!;

    [Fact]
    public async Task JenV_uitgaven_is_de_som_van_de_artikelregels_met_meerjarig_totaal_en_groei()
    {
        var (gegevens, metadata) = await _client.GetLijst("/v1/totalen?begroting=JenV");

        gegevens.Should().HaveCount(5, "one row per year 2026–2030 of the one group");
        var r2026 = Rij(gegevens, "JenV", 2026);
        // 8.843.848 + 2.460.635 + 1.583.919 + 4.598.416 + 533.843 + 521.608 + 50.469 + 3.609: the eight article lines, no waarvan lines.
        r2026.Bedrag("bedrag").Should().Be(18_596_347);
        r2026.Bedrag("aantalRegels").Should().Be(8);
        r2026.Tekst("soort").Should().Be("uitgaven");
        r2026.Tekst("groepering").Should().Be("begroting");
        r2026["artikel"].Should().BeNull();
        r2026["mutatie"].Should().BeNull("2026 is the first year of the data");
        r2026["mutatieProcent"].Should().BeNull();
        r2026.Tekst("bronTabel").Should().Be("A. Uitgaven JenV");
        r2026["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(472, 476, 484, 494, 508, 517, 525, 527);

        // 18.596.347 + 18.840.559 + 18.792.979 + 18.800.030 + 18.550.421 = 93.580.336
        // CAGR: (18.550.421 / 18.596.347)^(1/4) − 1 = 0.99753038^(1/4) − 1 = 0.99938202 − 1 = −0.0618 % → −0.06
        foreach (var rij in gegevens.Select(r => r!))
        {
            rij!.Bedrag("meerjarigTotaal").Should().Be(93_580_336);
            rij!.Getal("gemiddeldeGroeiProcent").Should().Be(-0.06m);
            rij.Bedrag("vanJaar").Should().Be(2026);
            rij.Bedrag("totJaar").Should().Be(2030);
        }
        // 2027: 18.840.559 − 18.596.347 = 244.212; 244.212 / 18.596.347 = 1.3132 % → 1.31
        Rij(gegevens, "JenV", 2027).Bedrag("mutatie").Should().Be(244_212);
        Rij(gegevens, "JenV", 2027).Getal("mutatieProcent").Should().Be(1.31m);
        metadata.Tekst("afronding").Should().Contain("2 decimalen");
        metadata.Bedrag("factor").Should().Be(1000);
        metadata.Tekst("valuta").Should().Be("EUR");
    }

    [Fact]
    public async Task AenM_daalt_van_2026_naar_2027()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/totalen?begroting=AenM&soort=uitgaven");

        Rij(gegevens, "AenM", 2026).Bedrag("bedrag").Should().Be(8_940_024);
        var r2027 = Rij(gegevens, "AenM", 2027);
        r2027.Bedrag("bedrag").Should().Be(5_206_355);
        // 5.206.355 − 8.940.024 = −3.733.669; −3.733.669 / 8.940.024 = −41.7635 % → −41.76
        r2027.Bedrag("mutatie").Should().Be(-3_733_669);
        r2027.Getal("mutatieProcent").Should().Be(-41.76m);
        // CAGR: (1.945.531 / 8.940.024)^(1/4) − 1 = 0.21762033^(1/4) − 1 = 0.68300655 − 1 = −31.6993 % → −31.70
        r2027.Getal("gemiddeldeGroeiProcent").Should().Be(-31.70m);
    }

    [Fact]
    public async Task Een_reeks_vanaf_2027_vergelijkt_met_2026_uit_de_data()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2027&totJaar=2028");

        gegevens.Select(r => r!.Bedrag("jaar")).Should().Equal(2027, 2028);
        gegevens[0]!.Bedrag("mutatie").Should().Be(244_212, "2026 is in the data, so 2027 compares with it");
        // 18.840.559 + 18.792.979 = 37.633.538; CAGR over one year: 18.792.979 / 18.840.559 − 1 = −0.2525 % → −0.25
        gegevens[0]!.Bedrag("meerjarigTotaal").Should().Be(37_633_538);
        gegevens[0]!.Getal("gemiddeldeGroeiProcent").Should().Be(-0.25m);
    }

    [Fact]
    public async Task Eén_jaar_heeft_geen_gemiddelde_groei()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&vanJaar=2030&totJaar=2030");

        gegevens.Should().ContainSingle();
        gegevens[0]!.Bedrag("meerjarigTotaal").Should().Be(18_550_421);
        gegevens[0]!["gemiddeldeGroeiProcent"].Should().BeNull();
        gegevens[0]!.Bedrag("mutatie").Should().Be(18_550_421 - 18_800_030);
    }

    [Fact]
    public async Task Twee_begrotingen_geven_ook_de_geconsolideerde_groep()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&begroting=AenM&vanJaar=2026&totJaar=2026");

        gegevens.Select(r => r!.Tekst("begroting")).Should().Equal("JenV", "AenM", "JenV+AenM");
        // 18.596.347 + 8.940.024 = 27.536.371
        Rij(gegevens, "JenV+AenM", 2026).Bedrag("bedrag").Should().Be(27_536_371);
        Rij(gegevens, "JenV+AenM", 2026).Bedrag("aantalRegels").Should().Be(11);
        Rij(gegevens, "JenV+AenM", 2026).Tekst("bronTabel").Should().Be("A. Uitgaven JenV; A. Uitgaven AenM");
    }

    [Fact]
    public async Task Zonder_begroting_alle_begrotingen_en_de_standaarden()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/totalen");

        gegevens.Should().HaveCount(15, "JenV, AenM and JenV+AenM, 2026–2030");
        gegevens.Select(r => r!.Tekst("soort")).Distinct().Should().Equal("uitgaven");
        Rij(gegevens, "JenV+AenM", 2026).Bedrag("bedrag").Should().Be(27_536_371);
    }

    [Fact]
    public async Task Per_categorie_de_beleidsartikelen_en_geconsolideerd_per_categorie()
    {
        var (jenv, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&groepering=categorie");
        var (beide, _) = await _client.GetLijst("/v1/totalen?begroting=jenv&begroting=AENM&groepering=Categorie&vanJaar=2026&totJaar=2026");

        var beleid = Rij(jenv, "JenV", 2026, r => r.Tekst("categorie") == "beleidsartikel");
        beleid.Bedrag("bedrag").Should().Be(18_020_661);
        beleid.Bedrag("aantalRegels").Should().Be(5);
        // 521.608 + 50.469 + 3.609 = 575.686; with the beleidsartikelen 18.020.661 + 575.686 = 18.596.347
        Rij(jenv, "JenV", 2026, r => r.Tekst("categorie") == "niet-beleidsartikel").Bedrag("bedrag").Should().Be(575_686);
        beleid.Tekst("groepering").Should().Be("categorie");
        // 18.020.661 + 8.865.612 (AenM article 37) = 26.886.273
        Rij(beide, "JenV+AenM", 2026, r => r.Tekst("categorie") == "beleidsartikel").Bedrag("bedrag").Should().Be(26_886_273);
        beide.Select(r => r!.Tekst("begroting")).Distinct().Should().Equal("JenV", "AenM", "JenV+AenM");
    }

    [Fact]
    public async Task Per_artikel_zonder_geconsolideerde_artikelen()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&begroting=AenM&groepering=artikel&vanJaar=2026&totJaar=2026");

        gegevens.Should().HaveCount(11, "8 JenV articles and 3 AenM articles; article 91 of JenV and of AenM stay apart");
        gegevens.Select(r => r!.Tekst("begroting")).Should().NotContain("JenV+AenM");
        var politie = Rij(gegevens, "JenV", 2026, r => r.Bedrag("artikel") == 31);
        politie.Bedrag("bedrag").Should().Be(8_843_848);
        politie.Tekst("omschrijving").Should().Be("Politie");
        politie.Tekst("categorie").Should().Be("beleidsartikel");
        politie["bronRegels"]!.AsArray().Select(r => r!.GetValue<int>()).Should().Equal(472);
        Rij(gegevens, "AenM", 2026, r => r.Bedrag("artikel") == 91).Bedrag("bedrag").Should().Be(33_189);
    }

    [Fact]
    public async Task Ontvangsten_zijn_de_som_van_de_artikelen_niet_het_foute_gedrukte_totaal()
    {
        var (gegevens, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&soort=ontvangsten");

        // 6.500 + 205.764 + 1.479.631 + 139.125 + 2.000 + 10.506 + 0 + 0 = 1.843.526 (the table prints 18.596.347)
        Rij(gegevens, "JenV", 2026).Bedrag("bedrag").Should().Be(1_843_526);
        Rij(gegevens, "JenV", 2026).Tekst("soort").Should().Be("ontvangsten");
    }

    [Fact]
    public async Task Saldo_is_uitgaven_min_ontvangsten()
    {
        var (totaal, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&soort=saldo");
        var (artikelen, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&begroting=AenM&soort=saldo&groepering=artikel");

        // 18.596.347 − 1.843.526 = 16.752.821
        Rij(totaal, "JenV", 2026).Bedrag("bedrag").Should().Be(16_752_821);
        Rij(totaal, "JenV", 2026).Tekst("soort").Should().Be("saldo");
        Rij(totaal, "JenV", 2026).Tekst("bronTabel").Should().Be("A. Uitgaven JenV; B. Ontvangsten JenV");
        // Article 33: 1.583.919 − 1.479.631 = 104.288
        Rij(artikelen, "JenV", 2026, r => r.Bedrag("artikel") == 33).Bedrag("bedrag").Should().Be(104_288);
        // AenM article 91 has no ontvangsten line: nothing is received, the saldo is the uitgaven 33.189
        Rij(artikelen, "AenM", 2026, r => r.Bedrag("artikel") == 91).Bedrag("bedrag").Should().Be(33_189);
        // AenM article 37: 8.865.612 − 13.826 = 8.851.786
        Rij(artikelen, "AenM", 2026, r => r.Bedrag("artikel") == 37).Bedrag("bedrag").Should().Be(8_851_786);
    }

    [Fact]
    public async Task In_csv_dezelfde_velden_en_cijfers_als_in_json()
    {
        const string url = "/v1/totalen?begroting=JenV&begroting=AenM&groepering=categorie";
        var (gegevens, _) = await _client.GetLijst(url);
        var csv = await _client.GetCsv(url + "&formaat=csv");

        CsvEnJson.ZelfdeCijfers(csv, gegevens);
        csv.Single(r => r["begroting"] == "JenV+AenM" && r["jaar"] == "2026" && r["categorie"] == "beleidsartikel")["bedrag"].Should().Be("26886273");
    }

    [Theory]
    [InlineData("begroting=XYZ", "begroting", "toegestaan: " + Verwacht.Begrotingen)]
    [InlineData("begroting=JenV&begroting=", "begroting", "toegestaan: " + Verwacht.Begrotingen)]
    [InlineData("soort=baten", "soort", "toegestaan: verplichtingen, uitgaven, ontvangsten, saldo")]
    [InlineData("groepering=organisatie", "groepering", "toegestaan: begroting, artikel, categorie")]
    [InlineData("vanJaar=2025", "vanJaar", "toegestaan: 2026 tot en met 2030")]
    [InlineData("totJaar=2031", "totJaar", "toegestaan: 2026 tot en met 2030")]
    [InlineData("vanJaar=2029&totJaar=2027", "vanJaar", "ligt na totJaar")]
    [InlineData("vanJaar=abc", "vanJaar", "Parameter 'vanJaar': 'abc' is geen geldige waarde; verwacht een geheel getal.")]
    [InlineData("totJaar=2027.5", "totJaar", "Parameter 'totJaar': '2027.5' is geen geldige waarde; verwacht een geheel getal.")]
    [InlineData("formaat=xml", "formaat", "toegestaan: json, csv, xlsx")]
    public async Task Een_ongeldige_parameter_is_een_400_die_hem_noemt(string query, string parameter, string reden)
    {
        var probleem = await _client.GetProbleem("/v1/totalen?" + query, HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().Equal(parameter);
        probleem.Tekst("title").Should().Contain(parameter);
        probleem.Tekst("detail").Should().Contain(reden);
    }

    [Fact]
    public async Task Meer_ongeldige_parameters_worden_samen_genoemd()
    {
        var probleem = await _client.GetProbleem("/v1/totalen?begroting=XYZ&soort=foo&groepering=bar&totJaar=2040", HttpStatusCode.BadRequest);

        probleem.OngeldigeParameters().Should().BeEquivalentTo("begroting", "soort", "groepering", "totJaar");
    }
}

/// <summary>The CSV read back gives the same fields, in the same order, with the same values as the JSON rows.</summary>
internal static class CsvEnJson
{
    public static void ZelfdeCijfers(List<Dictionary<string, string>> csv, JsonArray gegevens)
    {
        csv.Should().HaveCount(gegevens.Count);
        for (var i = 0; i < gegevens.Count; i++)
        {
            var json = gegevens[i]!.AsObject();
            csv[i].Keys.Should().Equal(json.Select(p => p.Key));
            foreach (var (veld, waarde) in json)
            {
                csv[i][veld].Should().Be(waarde is null ? "" : AlsTekst(waarde), $"{veld} in row {i}");
            }
        }
    }

    private static string AlsTekst(JsonNode waarde) => waarde.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => waarde.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        // A list of numbers (bronRegels) is one CSV field, its numbers joined with ';'.
        System.Text.Json.JsonValueKind.Array => string.Join(";", waarde.AsArray().Select(n => AlsTekst(n!))),
        _ => waarde.GetValue<string>(),
    };
}
