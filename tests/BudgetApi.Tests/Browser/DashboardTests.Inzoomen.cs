using BudgetApi.Tests.Infrastructuur;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BudgetApi.Tests.Browser;

/// <summary>
/// The view Inzoomen and the search box, in Chromium at 1400 and 390 px: the standenreeks shows the API's figures stand beside stand,
/// a click on a bar zooms in and the breadcrumb zooms out, and "Politie", "DJI" and "Halt" typed in the search box lead there. Axe at
/// both widths finds no serious or critical violation.
/// </summary>
public sealed partial class DashboardTests
{
    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task De_standenreeks_van_VI_artikel_31_in_2015_toont_de_standen_naast_elkaar_met_de_cijfers_van_de_API(int breedte)
    {
        await using var sessie = await Open("/dashboard/?weergave=inzoomen&begroting=VI&begrotingsjaar=2015&artikel=31", breedte);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=inzoomen&begroting=JenV&begrotingsjaar=2015&soort=uitgaven&artikel=31");

        var tabel = await LeesTabel(page, "Standenreeks 31 Nationale Politie, uitgaven 2015");
        var politie = Rij(tabel, "Regel", "31 Nationale Politie");
        (politie["Ontwerpbegroting"], politie["Vastgestelde begroting"], politie["1e suppletoire"], politie["2e suppletoire"], politie["Jaarverslag (realisatie)"])
            .Should().Be(("5.132.936", "5.132.936", "5.150.343", "5.150.542", "5.146.049"));
        var api = (await _client.GetLijst("/v1/standenreeks?begroting=JenV&begrotingsjaar=2015&soort=uitgaven&artikel=31&niveau=regel")).Gegevens.Single()!;
        var standen = api["standen"]!.AsArray();
        politie["Mutatie naar jaarverslag (realisatie)"].Should().Be(Mutatie(standen[4]!["mutatie"])).And.Be("-4.493");
        politie["Uitputting (realisatie − 2e suppletoire)"].Should().Be(Mutatie(api["verschil"]));
        await VerzoekEnDownloads(page, "/v1/standenreeks?begroting=JenV&begrotingsjaar=2015&soort=uitgaven&artikel=31&niveau=regel&paginaGrootte=1000", "5146049");

        // The verloop over begrotingsjaren of the same artikel: 2013–2017 and 2026, the years between drawn as a gap.
        var verloop = await LeesTabel(page, "Verloop Politie, uitgaven, per begrotingsjaar: ontwerpbegroting");
        Rij(verloop, "Begrotingsjaar", "2015")["Ontwerpbegroting"].Should().Be("5.132.936");
        Rij(verloop, "Begrotingsjaar", "2015")["Naam toen"].Should().Be("Nationale Politie");
        Rij(verloop, "Begrotingsjaar", "2020")["Hoe"].Should().Be("geen stand in de data");
        Rij(verloop, "Begrotingsjaar", "2026")["Ontwerpbegroting"].Should().Be("8.843.848");

        await GeenErnstigeToegankelijkheidsfouten(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"dashboard-standenreeks-{breedte}.png"), FullPage = true });
        sessie.Fouten.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Een_klik_op_een_balk_zoomt_in_en_het_kruimelpad_weer_uit(int breedte)
    {
        await using var sessie = await Open("/dashboard/?weergave=inzoomen&begroting=JenV&begrotingsjaar=2016", breedte);
        var page = sessie.Page;
        (await Kruimelpad(page)).Should().Equal("VI Justitie en Veiligheid 2016");

        await KlikBalk(page, "31 Nationale Politie");
        page.Url.Should().EndWith("?weergave=inzoomen&begroting=JenV&begrotingsjaar=2016&soort=uitgaven&artikel=31");
        (await Kruimelpad(page)).Should().Equal("VI Justitie en Veiligheid 2016", "Artikel 31");
        var artikel = await LeesTabel(page, "Standenreeks 31 Nationale Politie, uitgaven 2016");
        artikel.Select(r => r["Regel"]).Should().Equal("31 Nationale Politie", "Bekostiging nationale politie", "Kwaliteit, Arbeidsvoorwaarden en ICT politie");
        Rij(artikel, "Regel", "Bekostiging nationale politie")["Ontwerpbegroting"].Should().Be("5.074.996");

        await KlikBalk(page, "Bekostiging nationale politie");
        page.Url.Should().EndWith("&artikel=31&regel=Bekostiging+nationale+politie");
        var onderdeel = await LeesTabel(page, "Standenreeks Bekostiging nationale politie, uitgaven 2016");
        onderdeel.Select(r => r["Regel"]).Should().Equal("Bekostiging nationale politie", "Bijdrage aan ZBO’s/RWT’s", "Bijdragen aan medeoverheden", "Opdrachten");
        var api = (await _client.GetLijst("/v1/standenreeks?begroting=JenV&begrotingsjaar=2016&artikel=31&regel=" + Uri.EscapeDataString("Bekostiging nationale politie"))).Gegevens;
        foreach (var rij in onderdeel)
        {
            var regel = api.First(r => r!["omschrijving"]!.GetValue<string>() == rij["Regel"])!;
            rij["Ontwerpbegroting"].Should().Be(Bedrag(regel["standen"]![0]!["bedrag"]));
        }

        await KlikBalk(page, "Bijdrage aan ZBO’s/RWT’s");
        (await Kruimelpad(page)).Should().Equal("VI Justitie en Veiligheid 2016", "Artikel 31", "Bekostiging nationale politie", "Bijdrage aan ZBO’s/RWT’s");
        (await LeesTabel(page, "Standenreeks Bijdrage aan ZBO’s/RWT’s")).Select(r => r["Regel"]).Should().Equal("Bijdrage aan ZBO’s/RWT’s", "Nationale Politie", "Politieacademie");
        await GeenErnstigeToegankelijkheidsfouten(page);

        // Back up by the breadcrumb, a level at a time, and the browser's back button returns to where it was.
        await page.Locator("nav.kruimelpad a", new() { HasText = "Artikel 31" }).ClickAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("&artikel=31");
        (await LeesTabel(page, "Standenreeks 31 Nationale Politie, uitgaven 2016")).Should().HaveCount(3);
        await page.Locator("nav.kruimelpad a", new() { HasText = "VI Justitie en Veiligheid 2016" }).ClickAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=inzoomen&begroting=JenV&begrotingsjaar=2016&soort=uitgaven");
        await page.GoBackAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("&artikel=31");
        sessie.Fouten.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Zoeken_naar_Politie_DJI_en_Halt_met_suggesties_brengt_je_erheen(int breedte)
    {
        await using var sessie = await Open("/dashboard/", breedte);
        var page = sessie.Page;

        await Zoek(page, "Politie");
        await GeenErnstigeToegankelijkheidsfouten(page);
        await page.GetByRole(AriaRole.Option, new() { Name = "Artikel VI artikel 31 Politie (2026)" }).ClickAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=inzoomen&begroting=JenV&begrotingsjaar=2026&soort=uitgaven&artikel=31");
        Rij(await LeesTabel(page, "Standenreeks 31 Politie, uitgaven 2026"), "Regel", "31 Politie")["Ontwerpbegroting"].Should().Be("8.843.848");

        // The keyboard: the first suggestion for DJI is the organisation, chosen with the arrow key and Enter.
        await Zoek(page, "dji");
        await page.Locator("#zoekveld").PressAsync("ArrowDown");
        (await page.Locator("#zoekveld").GetAttributeAsync("aria-activedescendant")).Should().Be("zoek-suggestie-0");
        await page.Locator("#zoekveld").PressAsync("Enter");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=inzoomen&organisatie=DJI");
        (await page.Locator("#weergave .blok h3").InnerTextAsync()).Should().Be("Dienst Justitiële Inrichtingen (DJI)");
        var cijfers = await LeesTabel(page, "Cijfers van Dienst Justitiële Inrichtingen (DJI)");
        Rij(cijfers, "Wat", "Bezetting FTE (stand 2025)")["Zoals gedrukt"].Should().NotBeEmpty();

        await Zoek(page, "Halt");
        await page.GetByRole(AriaRole.Option, new() { Name = "Regel VI artikel 34 › Halt (2026)" }).ClickAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=inzoomen&begroting=JenV&begrotingsjaar=2026&soort=uitgaven&artikel=34&regel=Halt");
        (await Kruimelpad(page)).Should().Equal("VI Justitie en Veiligheid 2026", "Artikel 34", "Halt");
        var halt = await LeesTabel(page, "Standenreeks Halt, uitgaven 2026");
        var api = (await _client.GetLijst("/v1/standenreeks?begroting=JenV&begrotingsjaar=2026&artikel=34&regel=Halt")).Gegevens.Single()!;
        Rij(halt, "Regel", "Halt")["Ontwerpbegroting"].Should().Be(Bedrag(api["standen"]![0]!["bedrag"]));
        await GeenErnstigeToegankelijkheidsfouten(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"dashboard-zoeken-{breedte}.png"), FullPage = true });
        sessie.Fouten.Should().BeEmpty();
    }

    /// <summary>Types a question and waits for its suggestions.</summary>
    private static async Task Zoek(IPage page, string vraag)
    {
        await page.Locator("#zoekveld").FillAsync(vraag);
        await page.Locator("#zoek-suggesties [role=option]").First.WaitForAsync();
        (await page.Locator("#zoekveld").GetAttributeAsync("aria-expanded")).Should().Be("true");
    }

    /// <summary>Clicks the bar of the first chart whose title names <paramref name="naam"/>, and waits for the level it opens.</summary>
    private static async Task KlikBalk(IPage page, string naam)
    {
        var balk = page.Locator("#weergave .blok").First.Locator("svg.grafiek rect").Filter(new() { Has = page.Locator("title", new() { HasText = naam + ": " }) });
        (await balk.CountAsync()).Should().Be(1, $"one bar for {naam}");
        var voor = page.Url;
        await balk.ClickAsync();
        await page.WaitForFunctionAsync("(voor) => location.href !== voor", voor);
        await WachtTotKlaar(page);
    }

    private static async Task<IReadOnlyList<string>> Kruimelpad(IPage page) =>
        (await page.Locator("nav.kruimelpad li").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

    private static async Task GeenErnstigeToegankelijkheidsfouten(IPage page)
    {
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}").Should().BeEmpty();
    }
}
