using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BudgetApi.Tests.Infrastructuur;

namespace BudgetApi.Tests.Api;

/// <summary>
/// The dashboard's tables as the API serves them (/v1/…/tabel, issue 16 §3), over real HTTP: the JSON, and the same table as CSV
/// and Excel through the one writers: Dutch headings, the rows in the screen's order, numbers as numbers, percentages as fractions
/// with 0.00% in Excel and with a decimal comma in the excel-nl CSV, a blank an empty cell. The figures are the resource's own.
/// </summary>
[Collection(ApiCollectie.Naam)]
public sealed class TabellenTests(BudgetApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task De_totalen_als_tabel_zijn_in_CSV_de_koppen_en_rijen_van_het_scherm()
    {
        var antwoord = await _client.GetAsync("/v1/csv/totalen/tabel?begroting=JenV&begroting=AenM&soort=uitgaven&dialect=excel-nl");
        antwoord.StatusCode.Should().Be(HttpStatusCode.OK);
        antwoord.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("totalen-tabel-JenV-AenM-uitgaven-ontwerpbegroting-2026.csv");
        var bytes = await antwoord.Content.ReadAsByteArrayAsync();
        var regels = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        regels[0].Should().Be("Begroting;2026;2027;2028;2029;2030;Totaal 2026–2030;Gemiddelde groei per jaar");
        regels[1].Should().StartWith("JenV;18596347;18840559;18792979;18800030;18550421;93580336;");
        regels.Should().Contain(r => r.StartsWith("JenV+AenM (geconsolideerd);27536371;", StringComparison.Ordinal));
        // The long form of the same request is unchanged: BI tools read it.
        (await _client.GetCsv("/v1/csv/totalen?begroting=JenV&soort=uitgaven&vanJaar=2026&totJaar=2026")).Single()["bedrag"].Should().Be("18596347");
    }

    [Fact]
    public async Task Aandelen_als_tabel_in_Excel_hebben_de_koppen_van_het_scherm_en_percentages_als_fractie()
    {
        var werkmap = await _client.GetXlsx("/v1/xlsx/aandelen/tabel?begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven&jaar=2026&niveau=artikel");
        werkmap.Bestandsnaam.Should().Be("aandelen-tabel-JenV-2026-ontwerpbegroting-uitgaven-2026-artikel.xlsx");
        var blad = werkmap["Gegevens"];
        blad.Koppen.Should().Equal("Artikel", "Bedrag", "Aandeel in begroting", "Bronregel");
        var politie = blad.Regels[0];
        politie["Artikel"].Tekst.Should().Be("31 Politie", "the largest share first, as the screen opens the table");
        politie["Bedrag"].Should().Match<Cel>(c => c.Getal == 8_843_848m && c.Type == "n" && c.Opmaak == "#,##0");
        politie["Aandeel in begroting"].Should().Match<Cel>(c => c.Getal == 0.4756m && c.Opmaak == Cel.ProcentOpmaak);
        politie["Bronregel"].Should().Match<Cel>(c => c.Getal == 472m && c.Opmaak == "0");
        blad.Regels.Select(r => r["Aandeel in begroting"].Getal).Should().BeInDescendingOrder();
        var toelichting = werkmap["Toelichting"].AlsToelichting();
        toelichting["titel"].Tekst.Should().StartWith("Aandelen in de uitgaven van JenV, 2026");
        toelichting["percentages"].Tekst.Should().StartWith("Aandeel in begroting: als fractie");
    }

    [Fact]
    public async Task Over_begrotingsjaren_is_een_tabel_met_een_kolom_per_fase_en_ook_het_saldo()
    {
        var tabel = JsonNode.Parse(await _client.GetStringAsync("/v1/verloop/tabel?begroting=JenV&soort=saldo&fase=ontwerpbegroting"))!;
        var rij2026 = tabel["rijen"]!.AsArray().Single(r => r!["cellen"]![0]!.GetValue<int>() == 2026)!;
        // The saldo of the begrotingsjaar's own year is /v1/totalen's (16.752.821 for JenV 2026): uitgaven minus ontvangsten.
        var totaal = (await _client.GetLijst("/v1/totalen?begroting=JenV&soort=saldo&vanJaar=2026&totJaar=2026")).Gegevens.Single()!["bedrag"]!.GetValue<long>();
        rij2026["cellen"]![1]!.GetValue<long>().Should().Be(totaal).And.Be(16_752_821);
        tabel["kolommen"]!.AsArray().Select(k => k!["eenheid"]!.GetValue<string>()).Should().Equal("code", "bedrag", "tekst", "tekst", "tekst", "tekst");

        var probleem = await _client.GetProbleem("/v1/verloop/tabel?begroting=JenV&artikel=31&soort=saldo", HttpStatusCode.BadRequest);
        probleem["invalidParams"]![0]!["name"]!.GetValue<string>().Should().Be("soort");
        probleem = await _client.GetProbleem("/v1/bezetting/tabel?tabel=alles", HttpStatusCode.BadRequest);
        probleem["invalidParams"]![0]!["name"]!.GetValue<string>().Should().Be("tabel");
    }

    [Theory]
    [InlineData("/v1/standenreeks?begroting=VI&regel=Bekostiging")]
    [InlineData("/v1/verloop?begroting=JenV&regel=Bekostiging")]
    [InlineData("/v1/verloop/tabel?begroting=JenV&regel=Bekostiging")]
    public async Task Een_regel_zonder_artikel_is_een_400_die_regel_noemt_en_zegt_wat_erbij_hoort(string url)
    {
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("regel");
        probleem["invalidParams"]![0]!.Tekst("reason").Should().Be("regel vraagt een artikel: geef ook artikel (bijvoorbeeld artikel=31).");
    }

    [Theory]
    [InlineData("/v1/verloop?begroting=AenM&fase=slotwet")]
    [InlineData("/v1/verloop/tabel?begroting=AenM&fase=ontwerpbegroting&fase=slotwet")]
    public async Task Een_fase_die_de_begroting_in_geen_jaar_heeft_is_een_400_die_de_fasen_van_de_begroting_noemt(string url)
    {
        // AenM is only in the document: its one stand is the ontwerpbegroting 2026.
        var probleem = await _client.GetProbleem(url, HttpStatusCode.BadRequest);
        probleem.OngeldigeParameters().Should().Equal("fase");
        probleem["invalidParams"]![0]!.Tekst("reason").Should().Be("Begroting AenM heeft geen stand met fase slotwet; beschikbaar: ontwerpbegroting.");
    }

    [Fact]
    public async Task De_standenreeks_als_tabel_heeft_een_kolom_per_stand_en_woorden_blijven_tekst()
    {
        // JenV 2016, artikel 31: the artikel and its onderdelen, a column per stand of the begrotingsjaar.
        var tabel = JsonNode.Parse(await _client.GetStringAsync("/v1/standenreeks/tabel?begroting=JenV&begrotingsjaar=2016&soort=uitgaven&artikel=31"))!;
        var reeks = (await _client.GetLijst("/v1/standenreeks?begroting=JenV&begrotingsjaar=2016&soort=uitgaven&artikel=31&niveau=regel&paginaGrootte=1000")).Gegevens;
        var standen = reeks[0]!["standen"]!.AsArray().Select(s => s!["fase"]!.GetValue<string>()).ToList();
        var sleutels = tabel["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList();
        sleutels.Where(standen.Contains).Should().Equal(standen, "one column per stand, in the order of the cycle");
        var rijen = tabel["rijen"]!.AsArray();
        rijen[0]!["totaal"]!.GetValue<bool>().Should().BeTrue();
        rijen.Skip(1).Select(r => r!["regel"]!.GetValue<string>()).Should().Contain("Bekostiging nationale politie");
        foreach (var rij in rijen)
        {
            var naam = rij!["cellen"]![0]!.GetValue<string>();
            var regel = reeks.Single(r => (r!["regelsoort"]!.GetValue<string>() == "artikel" ? $"31 {r["omschrijving"]}" : r["omschrijving"]!.GetValue<string>()) == naam
                                          && (r["regelsoort"]!.GetValue<string>() == "artikel" || r["pad"]!.GetValue<string>() == ""))!;
            for (var i = 0; i < standen.Count; i++)
            {
                var stand = regel["standen"]![i]!;
                var cel = rij["cellen"]![sleutels.IndexOf(standen[i])];
                if (stand["inStand"]!.GetValue<bool>()) cel?.GetValue<long>().Should().Be(stand["bedrag"]?.GetValue<long>());
                else cel!.GetValue<string>().Should().Be("niet in stand");
            }
        }
        // In Excel a word in a number column is a text cell; the column's numbers stay numbers.
        var blad = (await _client.GetXlsx("/v1/xlsx/standenreeks/tabel?begroting=JenV&begrotingsjaar=2016&soort=uitgaven&artikel=31"))["Gegevens"];
        blad.Regels.SelectMany(r => r.Values.Skip(1)).Should().OnlyContain(c => c.Waarde == null || c.Type == "n" || (c.Type == "s" && c.Tekst == "niet in stand"));
    }
}
