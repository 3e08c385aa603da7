using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BudgetApi.Tests.Infrastructuur;
using CsvHelper;
using CsvHelper.Configuration;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BudgetApi.Tests.Browser;

/// <summary>
/// Every block's downloads are the table on its screen (issue 16 §3): in Chromium, per block, the CSV (excel-nl) and the Excel
/// file it offers are downloaded by a click, and every cell of both is compared with the table shown and with the API's JSON of
/// that table (/v1/…/tabel): the same headings in the same order, the same rows in the same order, numbers as numbers (an amount
/// whole, a percentage in percent in the CSV with a decimal comma and as a fraction with 0.00% in Excel), a blank an empty cell.
/// The figures of the table are also the resource's own (spot checks against /v1/totalen, /v1/aandelen, /v1/standenreeks …).
/// </summary>
public sealed partial class DashboardTests
{
    [Theory]
    [InlineData("/dashboard/?weergave=verloop", 2)]
    [InlineData("/dashboard/?weergave=verloop&soort=saldo&begroting=JenV&reeks=JenV&fase=ontwerpbegroting&fase=1e-suppletoire&fase=jaarverslag", 2)]
    [InlineData("/dashboard/?weergave=aandelen", 1)]
    [InlineData("/dashboard/?weergave=aandelen&niveau=waarvan&jaar=2028", 1)]
    [InlineData("/dashboard/?weergave=mutaties", 2)]
    [InlineData("/dashboard/?weergave=mutaties&begroting=JenV&begrotingsjaar=2016&van=2014-jaarverslag&naar=ontwerpbegroting&soort=ontvangsten", 2)]
    [InlineData("/dashboard/?weergave=bezetting&volgorde=budgetPerFte", 2)]
    [InlineData("/dashboard/?weergave=inzoomen&begroting=JenV&begrotingsjaar=2016&soort=uitgaven&artikel=31", 2)]
    [InlineData("/dashboard/?weergave=inzoomen&begroting=VI&begrotingsjaar=2015&soort=uitgaven", 2)]
    [InlineData("/dashboard/?weergave=inzoomen&organisatie=DJI", 1)]
    [InlineData("/dashboard/?weergave=aansluitingen", 2)]
    [InlineData("/dashboard/?weergave=aansluitingen&begroting=alle&status=alle&aansluitingenPagina=2&bevindingenPagina=3", 2)]
    [InlineData("/dashboard/?weergave=aansluitingen&begroting=JenV&q=DJI", 2)]
    public async Task Elke_download_van_een_blok_is_de_tabel_op_het_scherm_cel_voor_cel(string adres, int blokken)
    {
        await using var sessie = await Open(adres, 1400);
        var page = sessie.Page;
        var gecontroleerd = 0;
        foreach (var blok in await page.Locator("#weergave .blok").AllAsync())
        {
            var tabelLink = blok.Locator(".verzoeken p", new() { HasText = "De tabel:" }).Locator("a");
            if (await tabelLink.CountAsync() == 0) continue;
            var tabelUrl = await tabelLink.GetAttributeAsync("href");
            var scherm = await LeesSchermtabel(blok);
            var api = JsonNode.Parse(await _client.GetStringAsync(tabelUrl))!.AsObject();
            var kolommen = api["kolommen"]!.AsArray();
            var rijen = api["rijen"]!.AsArray();
            if (rijen.Count == 0) continue;
            var eenheden = kolommen.Select(k => k!["eenheid"]!.GetValue<string>()).ToList();
            var wat = $"{adres}, blok '{api["titel"]}'";

            // The screen is the API's table: caption, headings, rows in order, every cell as the dashboard formats the API's value.
            scherm.Bijschrift.Should().Be(api["titel"]!.GetValue<string>(), wat);
            scherm.Koppen.Should().Equal(kolommen.Select(k => k!["titel"]!.GetValue<string>()), wat);
            rijen.Should().NotBeEmpty(wat);
            scherm.Rijen.Should().HaveCount(rijen.Count, wat);
            for (var r = 0; r < rijen.Count; r++)
            {
                var cellen = rijen[r]!["cellen"]!.AsArray();
                for (var k = 0; k < kolommen.Count; k++)
                {
                    scherm.Rijen[r][k].Should().Be(Zoalsgetoond(cellen[k], eenheden[k]), $"{wat}, rij {r + 1}, kolom {scherm.Koppen[k]}");
                }
            }

            // The CSV the block offers, in the Dutch Excel dialect: the same headings and every cell the API's value.
            var csvLink = blok.Locator("a[download]", new() { HasText = "CSV" });
            var csvHref = await csvLink.GetAttributeAsync("href");
            // A paged table (aansluitingen, bevindingen) downloads every row of the selection: its table's URL without the page.
            var bestandUrl = Regex.Replace(csvHref!, @"[?&]formaat=csv&dialect=excel-nl$", "");
            var gepagineerd = bestandUrl != tabelUrl;
            if (gepagineerd) bestandUrl.Should().Be(Regex.Replace(tabelUrl!, @"[?&](pagina|paginaGrootte)=\d+", "").Replace("/tabel&", "/tabel?"), wat);
            csvHref.Should().Be(bestandUrl + (bestandUrl.Contains('?') ? "&" : "?") + "formaat=csv&dialect=excel-nl");
            var eerste = 0;
            if (gepagineerd)
            {
                // The screen's page is rows (pagina-1)×20+1 … of the file, which holds every row of the selection.
                var paginering = api["metadata"]!["paginering"]!;
                var alle = JsonNode.Parse(await _client.GetStringAsync(bestandUrl + (bestandUrl.Contains('?') ? "&" : "?") + "paginaGrootte=1000"))!["rijen"]!.AsArray();
                alle.Count.Should().Be(paginering["totaalAantal"]!.GetValue<int>(), wat);
                var begin = (paginering["pagina"]!.GetValue<int>() - 1) * paginering["paginaGrootte"]!.GetValue<int>();
                for (var r = 0; r < rijen.Count; r++) alle[begin + r]!.ToJsonString().Should().Be(rijen[r]!.ToJsonString(), $"{wat}, rij {r + 1} of the page");
                rijen = alle;
                eerste = begin;
            }
            var csvDownload = await page.RunAndWaitForDownloadAsync(() => csvLink.ClickAsync());
            var csv = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
            csv.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF });
            var csvRijen = LeesExcelNl(System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
            csvRijen[0].Should().Equal(scherm.Koppen, $"{wat}: the CSV's header is the table's headings");
            csvRijen.Should().HaveCount(rijen.Count + 1, wat);
            for (var r = 0; r < rijen.Count; r++)
            {
                var cellen = rijen[r]!["cellen"]!.AsArray();
                for (var k = 0; k < kolommen.Count; k++)
                {
                    csvRijen[r + 1][k].Should().Be(AlsExcelNl(cellen[k], eenheden[k]), $"{wat} CSV, rij {r + 1}, kolom {scherm.Koppen[k]}");
                    // The screen's cell read back as a number is the CSV's number (or both the same word, or both blank).
                    if (r < eerste || r - eerste >= scherm.Rijen.Count) continue;
                    Gelijkwaardig(scherm.Rijen[r - eerste][k], csvRijen[r + 1][k]).Should().BeTrue($"{wat}: screen '{scherm.Rijen[r - eerste][k]}' and CSV '{csvRijen[r + 1][k]}' at rij {r + 1}, kolom {scherm.Koppen[k]}");
                }
            }

            // The Excel file: the same headings, numbers as numeric cells (a percentage the fraction with 0.00%), a blank an empty cell.
            var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => blok.Locator("a[download]", new() { HasText = "Excel" }).ClickAsync());
            xlsxDownload.SuggestedFilename.Should().Be(Path.ChangeExtension(csvDownload.SuggestedFilename, ".xlsx"));
            csvDownload.SuggestedFilename.Should().MatchRegex(@"^[a-z]+-tabel(-[A-Za-z0-9+_.-]+)?\.csv$", "the file name says the table and what was selected");
            var blad = (await Werkmappen.Lees(await File.ReadAllBytesAsync((await xlsxDownload.PathAsync())!)))["Gegevens"];
            blad.Koppen.Should().Equal(scherm.Koppen, wat);
            blad.Rijen.Should().HaveCount(rijen.Count + 1, wat);
            for (var r = 0; r < rijen.Count; r++)
            {
                var cellen = rijen[r]!["cellen"]!.AsArray();
                for (var k = 0; k < kolommen.Count; k++)
                {
                    var cel = blad.Rijen[r + 1][k];
                    var plaats = $"{wat} Excel, rij {r + 1}, kolom {scherm.Koppen[k]}";
                    switch (cellen[k])
                    {
                        case null:
                            cel.Waarde.Should().BeNull(plaats);
                            break;
                        case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                            cel.Type.Should().Be("s", plaats);
                            cel.Tekst.Should().Be(v.GetValue<string>(), plaats);
                            break;
                        case JsonValue v:
                            cel.Type.Should().Be("n", plaats);
                            cel.AlsInApi.Should().Be(v.GetValue<decimal>(), plaats);
                            // A decimal in its own unit (10,8 fte) keeps the places it carries.
                            var json = v.ToJsonString();
                            var plaatsen = json.Contains('.', StringComparison.Ordinal) ? json.Length - json.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                            cel.Opmaak.Should().Be(eenheden[k] switch
                            {
                                "procent" or "procent-met-teken" => Cel.ProcentOpmaak, "code" => "0",
                                _ => plaatsen == 0 ? "#,##0" : "#,##0." + new string('0', plaatsen),
                            }, plaats);
                            break;
                    }
                }
            }
            gecontroleerd++;
        }
        gecontroleerd.Should().Be(blokken, "every block of the view has its table's downloads");
        if (adres.Contains("organisatie=", StringComparison.Ordinal) || adres.Contains("aansluitingen", StringComparison.Ordinal))
        {
            // A source line in a table is a link to it, named in full for assistive technology.
            var link = page.Locator("#weergave table a.bronregel").First;
            (await link.GetAttributeAsync("href")).Should().StartWith("/v1/bronnen/");
            (await link.GetAttributeAsync("aria-label")).Should().Contain(" van ");
        }
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task De_tabellen_hebben_de_cijfers_van_de_API_en_over_begrotingsjaren_is_een_verzoek()
    {
        // Per begroting: the table's cells are /v1/totalen's amounts.
        var totalen = JsonNode.Parse(await _client.GetStringAsync("/v1/totalen/tabel?begroting=JenV&begroting=AenM&soort=uitgaven"))!;
        var (gegevens, _) = await _client.GetLijst("/v1/totalen?begroting=JenV&begroting=AenM&soort=uitgaven");
        foreach (var regel in gegevens)
        {
            var begroting = regel!["begroting"]!.GetValue<string>();
            var naam = begroting.Contains('+') ? $"{begroting} (geconsolideerd)" : begroting;
            var rij = totalen["rijen"]!.AsArray().Single(r => r!["cellen"]![0]!.GetValue<string>() == naam);
            var kolom = totalen["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList().IndexOf(regel["jaar"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));
            rij!["cellen"]![kolom]?.GetValue<long>().Should().Be(regel["bedrag"]!.GetValue<long>());
        }

        // Over begrotingsjaren: one request gives every begrotingsjaar and fase; each figure is /v1/totalen of that stand.
        var verloop = JsonNode.Parse(await _client.GetStringAsync("/v1/verloop/tabel?begroting=JenV&soort=uitgaven&fase=ontwerpbegroting&fase=jaarverslag"))!;
        var sleutels = verloop["kolommen"]!.AsArray().Select(k => k!["sleutel"]!.GetValue<string>()).ToList();
        sleutels.Should().Equal("begrotingsjaar", "ontwerpbegroting", "jaarverslag", "begroting", "naam", "toelichting");
        var gevuld = 0;
        foreach (var rij in verloop["rijen"]!.AsArray())
        {
            var jaar = rij!["cellen"]![0]!.GetValue<int>();
            foreach (var fase in new[] { "ontwerpbegroting", "jaarverslag" })
            {
                var cel = rij["cellen"]![sleutels.IndexOf(fase)];
                var antwoord = await _client.GetAsync($"/v1/totalen?begroting=JenV&begrotingsjaar={jaar}&fase={fase}&soort=uitgaven&vanJaar={jaar}&totJaar={jaar}");
                if (!antwoord.IsSuccessStatusCode)
                {
                    cel.Should().BeNull($"JenV has no {fase} {jaar}, so the table has no figure");
                    continue;
                }
                var bedrag = JsonNode.Parse(await antwoord.Content.ReadAsStringAsync())!["gegevens"]!.AsArray().Single()!["bedrag"]!.GetValue<long>();
                cel!.GetValue<long>().Should().Be(bedrag, $"{fase} {jaar}");
                gevuld++;
            }
        }
        gevuld.Should().BeGreaterThan(6);
        Zoalsgetoond(verloop["rijen"]!.AsArray().Single(r => r!["cellen"]![0]!.GetValue<int>() == 2015)!["cellen"]![sleutels.IndexOf("jaarverslag")], "bedrag").Should().Be("12.718.106");

        // The standenreeks: one column per stand, VI artikel 31 2015 from 5.132.936 to 5.146.049, the uitputting beside it.
        var reeks = JsonNode.Parse(await _client.GetStringAsync("/v1/standenreeks/tabel?begroting=VI&begrotingsjaar=2015&soort=uitgaven&artikel=31"))!;
        reeks["kolommen"]!.AsArray().Select(k => k!["titel"]!.GetValue<string>()).Should().Equal(
            "Regel", "Ontwerpbegroting", "Vastgestelde begroting", "Mutatie naar vastgestelde begroting", "1e suppletoire", "Mutatie naar 1e suppletoire",
            "2e suppletoire", "Mutatie naar 2e suppletoire", "Jaarverslag (realisatie)", "Mutatie naar jaarverslag (realisatie)",
            "Uitputting (realisatie − 2e suppletoire)", "Uitputting in %");
        var artikel31 = reeks["rijen"]![0]!["cellen"]!.AsArray().Select(c => c?.ToJsonString()).ToList();
        artikel31.Should().Equal("\"31 Nationale Politie\"", "5132936", "5132936", "0", "5150343", "17407", "5150542", "199", "5146049", "-4493", "-4493", "-0.09");

        // A bad parameter is the resource's own 400.
        var probleem = await _client.GetProbleem("/v1/verloop/tabel?begroting=JenV&fase=voorjaarsnota", System.Net.HttpStatusCode.BadRequest);
        probleem["invalidParams"]![0]!["name"]!.GetValue<string>().Should().Be("fase");
    }

    [Theory]
    [InlineData("/dashboard/?weergave=aandelen", "Artikel", 1, "artikel")]
    [InlineData("/dashboard/?weergave=aandelen", "Bedrag", 2, "bedrag")]
    [InlineData("/dashboard/?weergave=mutaties", "Mutatie", 1, "-mutatie")]
    [InlineData("/dashboard/?weergave=inzoomen&begroting=VI&begrotingsjaar=2015&soort=uitgaven", "Jaarverslag (realisatie)", 1, "-jaarverslag")]
    public async Task Een_sortering_door_een_klik_op_een_kop_staat_ook_in_de_download(string adres, string kop, int klikken, string sorteer)
    {
        await using var sessie = await Open(adres, 1400);
        var page = sessie.Page;
        var blok = page.Locator("#weergave .blok").First;
        for (var i = 0; i < klikken; i++) await blok.Locator("thead button.sorteer", new() { HasTextString = kop }).First.ClickAsync();
        var scherm = await LeesSchermtabel(blok);
        var tabelUrl = await blok.Locator(".verzoeken p", new() { HasText = "De tabel:" }).Locator("a").GetAttributeAsync("href");
        var csvLink = blok.Locator("a[download]", new() { HasText = "CSV" });
        (await csvLink.GetAttributeAsync("href")).Should().Be($"{tabelUrl}&sorteer={Uri.EscapeDataString(sorteer)}&formaat=csv&dialect=excel-nl");

        // The file holds the screen's rows in the screen's order, the CSV and the Excel file alike.
        var csvDownload = await page.RunAndWaitForDownloadAsync(() => csvLink.ClickAsync());
        var csv = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
        var csvRijen = LeesExcelNl(System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3));
        csvRijen.Should().HaveCount(scherm.Rijen.Count + 1);
        for (var r = 0; r < scherm.Rijen.Count; r++)
        {
            for (var k = 0; k < scherm.Koppen.Count; k++)
            {
                Gelijkwaardig(scherm.Rijen[r][k], csvRijen[r + 1][k]).Should().BeTrue($"{adres} sorted by {sorteer}: screen '{scherm.Rijen[r][k]}' and CSV '{csvRijen[r + 1][k]}' at rij {r + 1}, kolom {scherm.Koppen[k]}");
            }
        }
        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => blok.Locator("a[download]", new() { HasText = "Excel" }).ClickAsync());
        var blad = (await Werkmappen.Lees(await File.ReadAllBytesAsync((await xlsxDownload.PathAsync())!)))["Gegevens"];
        blad.Rijen.Skip(1).Select(r => r[0].Tekst).Should().Equal(csvRijen.Skip(1).Select(r => r[0]), "the Excel file is in the same order");
        sessie.Fouten.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task De_bevindingen_hebben_een_zoekveld_dat_q_van_de_API_vraagt_en_in_de_URL_staat(int breedte)
    {
        await using var sessie = await Open("/dashboard/?weergave=aansluitingen", breedte);
        var page = sessie.Page;
        var veld = page.GetByLabel("Zoeken in de bevindingen");
        (await veld.GetAttributeAsync("type")).Should().Be("search");
        var verzoeken = new List<string>();
        page.Request += (_, v) => { if (v.Url.Contains("/v1/bevindingen", StringComparison.Ordinal)) verzoeken.Add(v.Url); };
        await veld.PressSequentiallyAsync("DJI");
        await page.WaitForURLAsync(new Regex("[?&]q=DJI"));
        await WachtTotKlaar(page);
        await page.WaitForFunctionAsync("() => document.querySelector('#weergave .blok:nth-of-type(2)')?.getAttribute('aria-busy') !== 'true'");
        verzoeken.Should().HaveCountLessThan(3, "typing three letters is one request after the pause, not one per letter");
        verzoeken[^1].Should().Contain("q=DJI");
        var tabelUrl = await page.Locator("#weergave .blok").Nth(1).Locator(".verzoeken p", new() { HasText = "De tabel:" }).Locator("a").GetAttributeAsync("href");
        tabelUrl.Should().Contain("/v1/bevindingen/tabel?").And.Contain("q=DJI");
        var api = JsonNode.Parse(await _client.GetStringAsync(tabelUrl))!;
        var scherm = await LeesSchermtabel(page.Locator("#weergave .blok").Nth(1));
        scherm.Rijen.Should().HaveCount(api["rijen"]!.AsArray().Count).And.NotBeEmpty();

        // The search is in the URL like every choice: a reload shows it again.
        await page.ReloadAsync();
        await WachtTotKlaar(page);
        (await page.GetByLabel("Zoeken in de bevindingen").InputValueAsync()).Should().Be("DJI");

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}").Should().BeEmpty();
        await page.GotoAsync(_basis + "/dashboard/?weergave=inzoomen&organisatie=DJI");
        await WachtTotKlaar(page);
        axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}").Should().BeEmpty();
        sessie.Fouten.Should().BeEmpty();
    }

    /// <summary>A value of the API's table as the dashboard shows it (js/tabel.js with js/opmaak.js).</summary>
    private static string Zoalsgetoond(JsonNode? waarde, string eenheid)
    {
        if (waarde is JsonValue tekst && tekst.GetValueKind() == JsonValueKind.String) return Regex.Replace(tekst.GetValue<string>(), @"\s+", " ").Trim();
        if (waarde is null) return "—";
        return eenheid switch
        {
            "bedrag" => Bedrag(waarde),
            "mutatie" => Mutatie(waarde),
            "procent" => Procent(waarde),
            "procent-met-teken" => ProcentMetTeken(waarde),
            "code" => waarde.GetValue<long>().ToString(CultureInfo.InvariantCulture),
            "euro" => "€ " + Bedrag(waarde),
            "getal-met-teken" => (waarde.GetValue<decimal>() > 0 ? "+" : "") + Zoalsgetoond(waarde, "getal"),
            _ => waarde.GetValue<decimal>().ToString("#,0.############", CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',').Replace(' ', '.'),
        };
    }

    /// <summary>A value of the API's table as the excel-nl CSV writes it: a whole number plain, a decimal with a comma, a blank empty.</summary>
    private static string AlsExcelNl(JsonNode? waarde, string eenheid) => waarde switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => eenheid is "procent" or "procent-met-teken" or "getal" or "getal-met-teken" ? waarde.GetValue<decimal>().ToString(CultureInfo.InvariantCulture).Replace('.', ',') : waarde.GetValue<long>().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A screen cell and a CSV cell hold the same: the screen's Dutch number read back ("+13.113", "47,56%", "€ 127.217") is the CSV's.</summary>
    private static bool Gelijkwaardig(string scherm, string csv)
    {
        if (scherm == "—") return csv.Length == 0;
        if (scherm == Regex.Replace(csv, @"\s+", " ").Trim()) return true;
        var getal = Regex.Replace(scherm, @"[€%+\s.]", "").Replace('−', '-').Replace(',', '.');
        return decimal.TryParse(getal, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
               && decimal.TryParse(csv.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var b) && a == b;
    }

    /// <summary>The excel-nl CSV as rows of fields (';' between fields, RFC 4180 quoting).</summary>
    private static List<List<string>> LeesExcelNl(string tekst)
    {
        using var lezer = new CsvParser(new StringReader(tekst), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        var rijen = new List<List<string>>();
        while (lezer.Read()) rijen.Add([.. lezer.Record!]);
        return rijen;
    }

    private sealed record Schermtabel(string Bijschrift, List<string> Koppen, List<List<string>> Rijen);

    /// <summary>A block's table as the screen shows it: its caption, its headings and every cell's text, rows in the order shown.</summary>
    private static async Task<Schermtabel> LeesSchermtabel(ILocator blok)
    {
        var json = await blok.EvaluateAsync<JsonElement>("""
            (b) => {
              const tabel = b.querySelector('table');
              // A disclosure's summary ("alle 9 cijfers") is the dashboard's control, not the cell's content.
              const tekst = (c) => {
                const kopie = c.cloneNode(true);
                kopie.querySelectorAll('summary').forEach((s) => s.remove());
                return kopie.textContent.replace(/\s+/g, ' ').trim();
              };
              return {
                bijschrift: tekst(tabel.caption),
                koppen: [...tabel.tHead.rows[0].cells].map(tekst),
                rijen: [...tabel.tBodies[0].rows].map((r) => [...r.cells].map(tekst)),
              };
            }
            """);
        return new Schermtabel(
            json.GetProperty("bijschrift").GetString()!,
            json.GetProperty("koppen").EnumerateArray().Select(k => k.GetString()!).ToList(),
            json.GetProperty("rijen").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList());
    }
}
