using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BudgetApi.Http;
using BudgetApi.Tests.Infrastructuur;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BudgetApi.Tests.Browser;

/// <summary>
/// The dashboard at /dashboard in Debian's Chromium, driven by Playwright, under its own Content-Security-Policy: each view
/// shows the API's figures in its table, a new selection redraws the chart and lands in the URL, nothing is written to
/// the console, axe-core finds no serious or critical violation, and the page fits 1280 and 390 pixels. Screenshots of
/// every view at both widths are written to bin/…/screenshots.
/// </summary>
public sealed partial class DashboardTests(KestrelFactory factory) : IClassFixture<KestrelFactory>, IAsyncLifetime
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private Chromiumbrowser _chromium = null!;
    private IBrowser _browser = null!;
    private string _basis = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        factory.StartServer();
        _basis = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _client = factory.CreateClient();
        _chromium = await Chromiumbrowser.Start();
        _browser = _chromium.Browser;
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _client.Dispose();
    }

    [Theory]
    [InlineData("verloop", 1280)]
    [InlineData("verloop", 390)]
    [InlineData("aandelen", 1280)]
    [InlineData("aandelen", 390)]
    [InlineData("mutaties", 1280)]
    [InlineData("mutaties", 390)]
    [InlineData("aansluitingen", 1280)]
    [InlineData("aansluitingen", 390)]
    [InlineData("bezetting", 1280)]
    [InlineData("bezetting", 390)]
    [InlineData("inzoomen", 1280)]
    [InlineData("inzoomen", 390)]
    public async Task Elke_weergave_past_op_het_scherm_zonder_consolefouten_en_zonder_ernstige_toegankelijkheidsfouten(string weergave, int breedte)
    {
        await using var sessie = await Open($"/dashboard/?weergave={weergave}", breedte);
        var page = sessie.Page;

        (await page.Locator("h2#weergave-titel").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
        (await page.Locator("nav a[aria-current='page']").GetAttributeAsync("href")).Should().Be($"?weergave={weergave}");

        // Every block shows a chart with its table, or says in words why it cannot (a resource this version does not offer yet).
        foreach (var blok in await page.Locator("#weergave .blok").AllAsync())
        {
            var heeftTabel = await blok.Locator("table").CountAsync() > 0;
            if (heeftTabel) (await blok.Locator("svg.grafiek").CountAsync()).Should().BeGreaterThan(0, "a table belongs to a chart");
            else (await blok.Locator(".melding").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
        }

        // No sideways scrolling of the page; every control and menu item lies within the width and can take the focus
        // (check boxes behind a closed disclosure are not shown, so not measured; the disclosure itself is).
        var paginabreedte = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        paginabreedte.Should().BeLessThanOrEqualTo(breedte, "the page must not scroll sideways at {0} px", breedte);
        var bedieningen = page.Locator("nav a, #weergave form input:visible, #weergave form select, #weergave .keuzes summary, #weergave .verzoeken summary, #weergave .paginas select, #weergave .paginas button:not([disabled])");
        (await bedieningen.CountAsync()).Should().BeGreaterThan(5);
        foreach (var bediening in await bedieningen.AllAsync())
        {
            var vak = await bediening.BoundingBoxAsync();
            vak.Should().NotBeNull();
            vak!.X.Should().BeGreaterThanOrEqualTo(0);
            (vak.X + vak.Width).Should().BeLessThanOrEqualTo(breedte, "a control must be within the screen");
            await bediening.FocusAsync();
            (await bediening.EvaluateAsync<bool>("e => document.activeElement === e")).Should().BeTrue();
        }

        var axe = await page.RunAxe();
        var ernstig = axe.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        ernstig.Should().BeEmpty();

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"dashboard-{weergave}-{breedte}.png"), FullPage = true });
        sessie.Fouten.Should().BeEmpty("the dashboard writes nothing to the console and every request it sends succeeds");
    }

    [Fact]
    public async Task Het_dashboard_kent_elke_fase_van_de_service_in_de_volgorde_van_de_cyclus()
    {
        // begrippen.js orders a begroting's standen and labels them; a fase the service serves and the dashboard does not know
        // (an ISB, the septembersuppletoire) would be sorted first and shown as its code.
        await using var sessie = await Open("/dashboard/", 1280);
        var fasen = await sessie.Page.EvaluateAsync<string[]>(
            "async () => (await import('./js/begrippen.js')).FASEN.map((f) => f.waarde)");
        fasen.Should().Equal(BudgetApi.Domein.Begrotingscodes.Fasen);
        var labels = await sessie.Page.EvaluateAsync<string[]>(
            "async () => { const b = await import('./js/begrippen.js'); return b.FASEN.map((f) => b.faseLabel(f.waarde)); }");
        labels.Should().OnlyHaveUniqueItems().And.NotContain(l => l.Contains('-'), "a label is words, not the code");
    }

    [Fact]
    public async Task Meerjarig_verloop_toont_de_totalen_van_de_API_en_een_andere_soort_tekent_opnieuw_en_staat_in_de_URL()
    {
        await using var sessie = await Open("/dashboard/", 1280);
        var page = sessie.Page;
        // Without selections the view takes both begrotingen and uitgaven, and says so in the URL so it can be shared.
        page.Url.Should().Contain("/dashboard/?weergave=verloop&soort=uitgaven&begroting=JenV&begroting=AenM");

        var tabel = await LeesTabel(page, "Uitgaven per begroting");
        Rij(tabel, "Begroting", "JenV")["2026"].Should().Be("18.596.347");
        Rij(tabel, "Begroting", "JenV+AenM (geconsolideerd)")["2026"].Should().Be("27.536.371");
        await TabelIsDeApi(tabel, "/v1/totalen?begroting=JenV&begroting=AenM&soort=uitgaven");
        await VerzoekEnDownloads(page, "/v1/totalen?begroting=JenV&begroting=AenM&soort=uitgaven", "18596347");

        var grafiekVoor = await page.Locator("svg.grafiek").First.EvaluateAsync<string>("e => e.outerHTML");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Saldo (uitgaven min ontvangsten)" }).CheckAsync();
        await WachtTotKlaar(page);

        page.Url.Should().Contain("?weergave=verloop&soort=saldo&begroting=JenV&begroting=AenM");
        tabel = await LeesTabel(page, "Saldo (uitgaven min ontvangsten) per begroting");
        Rij(tabel, "Begroting", "JenV")["2026"].Should().Be("16.752.821");
        Rij(tabel, "Begroting", "JenV")["2027"].Should().Be("16.969.106");
        await TabelIsDeApi(tabel, "/v1/totalen?begroting=JenV&begroting=AenM&soort=saldo");
        var grafiekNa = page.Locator("svg.grafiek").First;
        (await grafiekNa.EvaluateAsync<string>("e => e.outerHTML")).Should().NotBe(grafiekVoor, "the chart is drawn again for the new selection");
        (await grafiekNa.GetAttributeAsync("aria-label")).Should().StartWith("Lijngrafiek: saldo (uitgaven min ontvangsten) per begroting, 2026–2030");

        // One begroting only: no consolidated line.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "XX Asiel en Migratie (AenM)" }).UncheckAsync();
        await WachtTotKlaar(page);
        page.Url.Should().Contain("?weergave=verloop&soort=saldo&begroting=JenV&").And.NotContain("begroting=AenM");
        (await LeesTabel(page, "per begroting")).Select(r => r["Begroting"]).Should().Equal("JenV");

        // The browser's back button returns to the previous selection.
        await page.GoBackAsync();
        await WachtTotKlaar(page);
        page.Url.Should().Contain("?weergave=verloop&soort=saldo&begroting=JenV&begroting=AenM");
        (await LeesTabel(page, "per begroting")).Should().HaveCount(3);
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Aandelen_tonen_artikelen_en_waarvan_regels_met_de_rest_zoals_de_API()
    {
        // A hand-edited link: the code in another case and a year outside the stand are read as JenV and the stand's own year;
        // the URL then names the stand (JenV's newest, ontwerpbegroting 2026), so the link means the same figures tomorrow.
        await using var sessie = await Open("/dashboard/?weergave=aandelen&begroting=jenv&jaar=1999&niveau=artikel", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=aandelen&begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven&jaar=2026&niveau=artikel");

        var tabel = await LeesTabel(page, "Aandelen in de uitgaven van JenV, 2026");
        var politie = Rij(tabel, "Artikel", "31 Politie");
        politie["Bedrag"].Should().Be("8.843.848");
        politie["Aandeel in begroting"].Should().Be("47,56%");
        politie["Bronregel"].Should().Be("472");
        var api = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&niveau=artikel");
        // By size, largest share first (equal shares in the API's order), and the header says so.
        tabel.Select(r => (r["Artikel"], r["Bedrag"], r["Aandeel in begroting"])).Should().Equal(OpGrootte(api.Gegevens).Select(r =>
            ($"{r!["artikel"]} {r["deel"]}", Bedrag(r["bedrag"]), Procent(r["aandeelVanGeheel"]))));
        (await page.Locator("#weergave th[aria-sort]").AllInnerTextsAsync()).Should().Equal("Aandeel in begroting");
        (await page.Locator("#weergave th[aria-sort]").GetAttributeAsync("aria-sort")).Should().Be("descending");
        await VerzoekEnDownloads(page, "/v1/aandelen?begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven&jaar=2026&niveau=artikel", "8843848");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Per waarvan-regel, met de rest" }).CheckAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aandelen&begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven&jaar=2026&niveau=waarvan");
        tabel = await LeesTabel(page, "Aandelen in de uitgaven van JenV, 2026");
        var politieDelen = tabel.Where(r => r["Artikel"] == "31 Politie").ToList();
        politieDelen.Select(r => (r["Deel"], r["Bedrag"], r["Aandeel in artikel"])).Should().Equal(
            ("Bijdrage aan Politie", "8.480.305", "95,89%"),
            ("overig, niet gespecificeerd", "363.543", "4,11%"));
        api = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&niveau=waarvan");
        tabel.Select(r => (r["Deel"], r["Bedrag"])).Should().Equal(OpGrootte(api.Gegevens).Select(r => (r!["deel"]!.GetValue<string>(), Bedrag(r["bedrag"]))));
        // Each remainder is drawn hatched, so it is told apart without colour.
        var resten = api.Gegevens.Count(r => r!["soortDeel"]!.GetValue<string>() == "overig");
        (await page.Locator("svg.grafiek rect[fill^='url(#arcering']").CountAsync()).Should().Be(resten);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Jaar" }).SelectOptionAsync("2028");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aandelen&begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven&jaar=2028&niveau=waarvan");
        api = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2028&niveau=waarvan");
        (await LeesTabel(page, "Aandelen in de uitgaven van JenV, 2028")).Select(r => (r["Deel"], r["Bedrag"]))
            .Should().Equal(OpGrootte(api.Gegevens).Select(r => (r!["deel"]!.GetValue<string>(), Bedrag(r["bedrag"]))));
        sessie.Fouten.Should().BeEmpty();
    }

    /// <summary>Aandelen as the dashboard opens them: largest share first, a part without a share last, ties in the API's order.</summary>
    private static IEnumerable<JsonNode?> OpGrootte(JsonArray rijen) =>
        rijen.OrderBy(r => r!["aandeelVanGeheel"] is null).ThenByDescending(r => r!["aandeelVanGeheel"]?.GetValue<decimal>() ?? 0);

    /// <summary>The lines of the ontvangsten artikelen of JenV 2026 (table B), the parts of its printed TOTAAL.</summary>
    private static readonly int[] DelenOntvangsten = [537, 539, 543, 549, 553, 557, 559, 561];

    [Fact]
    public async Task Aansluitingen_tonen_gedrukt_tegen_berekend_met_de_bronregel_en_het_verzoek_per_regel()
    {
        await using var sessie = await Open("/dashboard/?weergave=aansluitingen&begroting=alle", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=aansluitingen&begroting=alle&status=afwijking");

        var tabel = await LeesTabel(page, "Aansluitingen: gedrukt tegen berekend");
        var api = await _client.GetLijst("/v1/aansluitingen?status=afwijking");
        tabel.Should().HaveCount(api.Gegevens.Count).And.HaveCount(14, "ten JenV ontvangsten totals and four organisation figures do not add up");
        var totaal = tabel.Single(r => r["Wat"] == "Gedrukt 'TOTAAL' van B. Ontvangsten JenV tegen de som van alle artikelen" && r["Jaar"] == "2026");
        totaal["Gedrukt"].Should().Be("18.596.347");
        totaal["Berekend"].Should().Be("1.843.526");
        totaal["Verschil"].Should().Be("+16.752.821");
        totaal["Eenheid"].Should().Be("€ duizend");
        totaal["Juiste waarde"].Should().Be("1.843.526");
        totaal["Oordeel"].Should().Be("sluit niet", "a verdict in words, not the API's code");
        // Each line a link that says what it opens (its aria-label names the file; the visible text is "regel 533", as the file writes it).
        totaal["Bron"].Should().Be("regel 533 (B. Ontvangsten JenV); delen: regels " + string.Join(", ", DelenOntvangsten));
        var rij = page.Locator("#weergave table tbody tr").Nth(tabel.IndexOf(totaal));
        (await rij.Locator("a.bronregel").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('aria-label'))")).Should().Equal(
            DelenOntvangsten.Prepend(533).Select(r => $"regel {r} van introductiedossier-jenv-2026.txt"));
        await VerzoekEnDownloads(page, "/v1/aansluitingen?status=afwijking&pagina=1&paginaGrootte=20", "18596347");

        // All reconciliations are more than a page: chart and table show the first 20, the API's first 20, and say so.
        await page.GetByRole(AriaRole.Radio, new() { Name = "Alle", Exact = true }).CheckAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aansluitingen&begroting=alle&status=alle");
        var alle = await _client.GetAllePaginas("/v1/aansluitingen");
        alle.Gegevens.Count.Should().BeGreaterThan(100);
        var eerstePagina = await LeesTabel(page, $"Aansluitingen: gedrukt tegen berekend, met de bron van elk cijfer, 1–20 van {alle.Gegevens.Count}");
        eerstePagina.Select(r => r["Wat"]).Should().Equal(alle.Gegevens.Take(20).Select(r => r!["omschrijving"]!.GetValue<string>()));
        (await page.Locator("#weergave .blok").First.Locator(".paginas-stand").InnerTextAsync())
            .Should().Be($"Aansluitingen 1–20 van {alle.Gegevens.Count} (pagina 1 van {(alle.Gegevens.Count + 19) / 20}).");
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Mutaties_tonen_VI_2015_van_ontwerpbegroting_naar_jaarverslag_als_waterval_en_tabel_zoals_de_API()
    {
        // A shared link in the API's own words: the hoofdstuk, the begrotingsjaar and two of its fasen.
        await using var sessie = await Open("/dashboard/?weergave=mutaties&begroting=VI&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=mutaties&begroting=JenV&soort=uitgaven&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag&jaar=2015&realisatiejaar=2015");
        const string url = "/v1/mutaties?begroting=JenV&begrotingsjaar=2015&van=ontwerpbegroting&naar=jaarverslag&soort=uitgaven&niveau=artikel&jaar=2015";
        await VerzoekEnDownloads(page, url, "5146049");

        var tabel = await LeesTabel(page, "Mutaties per artikel, ontwerpbegroting 2015 naar jaarverslag 2015, 2015");
        var politie = Rij(tabel, "Artikel", "31 Nationale Politie");
        politie["ontwerpbegroting 2015"].Should().Be("5.132.936");
        politie["jaarverslag 2015"].Should().Be("5.146.049");
        politie["Mutatie"].Should().Be("+13.113");
        politie["Mutatie %"].Should().Be("+0,26%");

        // Every row is the API's: the artikelen in order, then the begroting's total as the API computes it.
        var api = await _client.GetLijst(url);
        var artikelen = api.Gegevens.Where(r => r!["regelsoort"]!.GetValue<string>() == "artikel").ToList();
        var totaal = api.Gegevens.Single(r => r!["regelsoort"]!.GetValue<string>() == "totaal")!;
        List<(string Artikel, JsonNode Regel)> rijen = [.. artikelen.Select(r => ($"{r!["artikel"]} {r["omschrijving"]}", r!)), ("Totaal", totaal)];
        var verwacht = rijen.Select(x => (x.Artikel, Bedrag(x.Regel["bedragVan"]), Bedrag(x.Regel["bedragNaar"]), Mutatie(x.Regel["mutatie"]), ProcentMetTeken(x.Regel["mutatieProcent"])));
        tabel.Select(r => (r["Artikel"], r["ontwerpbegroting 2015"], r["jaarverslag 2015"], r["Mutatie"], r["Mutatie %"])).Should().Equal(verwacht);
        Rij(tabel, "Artikel", "Totaal")["jaarverslag 2015"].Should().Be("12.718.106");

        // The waterfall: the total of the first stand, a bar per artikel that changes, the total of the second stand.
        var veranderd = artikelen.Count(r => r!["mutatie"] is { } m && m.GetValue<long>() != 0);
        veranderd.Should().Be(10);
        (await Balken(page, 0)).Should().Be(veranderd + 2);

        // Only standen with a year in common with the first can be chosen: no request the API would refuse.
        var naar = page.GetByRole(AriaRole.Combobox, new() { Name = "Naar stand" });
        (await naar.Locator("option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)")).Should().Equal(
            "2015-vastgestelde-begroting", "2015-1e-suppletoire", "2015-2e-suppletoire", "2015-jaarverslag", "2016-ontwerpbegroting");
        var grafiekVoor = await page.Locator("svg.grafiek").First.EvaluateAsync<string>("e => e.outerHTML");
        await naar.SelectOptionAsync("2015-2e-suppletoire");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=mutaties&begroting=JenV&soort=uitgaven&begrotingsjaar=2015&van=ontwerpbegroting&naar=2e-suppletoire&jaar=2015&realisatiejaar=2015");
        const string url2 = "/v1/mutaties?begroting=JenV&begrotingsjaar=2015&van=ontwerpbegroting&naar=2e-suppletoire&soort=uitgaven&niveau=artikel&jaar=2015";
        await VerzoekEnDownloads(page, url2, "5150542");
        (await page.Locator("svg.grafiek").First.EvaluateAsync<string>("e => e.outerHTML")).Should().NotBe(grafiekVoor);
        Rij(await LeesTabel(page, "Mutaties per artikel, ontwerpbegroting 2015 naar 2e suppletoire 2015"), "Artikel", "31 Nationale Politie")["2e suppletoire 2015"]
            .Should().Be("5.150.542");

        // Across begrotingsjaren the first stand carries its own year, as the API takes it: van=2014-jaarverslag.
        await page.GotoAsync(_basis + "/dashboard/?weergave=mutaties&begroting=JenV&begrotingsjaar=2016&van=2014-jaarverslag&naar=ontwerpbegroting");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=mutaties&begroting=JenV&soort=uitgaven&begrotingsjaar=2016&van=2014-jaarverslag&naar=ontwerpbegroting&jaar=2014&realisatiejaar=2015");
        const string url3 = "/v1/mutaties?begroting=JenV&begrotingsjaar=2016&van=2014-jaarverslag&naar=ontwerpbegroting&soort=uitgaven&niveau=artikel&jaar=2014";
        await VerzoekEnDownloads(page, url3, "Artikel;jaarverslag 2014;ontwerpbegroting 2016;");
        var overJaren = await _client.GetLijst(url3);
        Rij(await LeesTabel(page, "Mutaties per artikel, jaarverslag 2014 naar ontwerpbegroting 2016, 2014"), "Artikel", "Totaal")["ontwerpbegroting 2016"]
            .Should().Be(Bedrag(overJaren.Gegevens.Single(r => r!["regelsoort"]!.GetValue<string>() == "totaal")!["bedragNaar"]));
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Begroting_tegen_realisatie_toont_VI_2015_cel_voor_cel_zoals_de_API_met_onder_en_overuitputting()
    {
        await using var sessie = await Open("/dashboard/?weergave=mutaties&begroting=JenV", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("&realisatiejaar=2015", "2015 is JenV's last year with a jaarverslag");
        const string url = "/v1/uitputting?begroting=JenV&begrotingsjaar=2015&soort=uitgaven";
        await VerzoekEnDownloads(page, url, "5146049");

        var tabel = await LeesTabel(page, "Begroting tegen realisatie per artikel, JenV 2015");
        var politie = Rij(tabel, "Artikel", "31 Nationale Politie");
        politie["Realisatie"].Should().Be("5.146.049");
        politie["Begroot"].Should().Be("5.150.542");
        politie["Stand van de begroting"].Should().Be("2e suppletoire");
        politie["Verschil"].Should().Be("-4.493");
        politie["Oordeel"].Should().Be("onderuitputting");
        Rij(tabel, "Artikel", "33 Veiligheid en criminaliteitsbestrijding")["Oordeel"].Should().Be("overuitputting");

        // Every cell is the JSON's.
        var api = await _client.GetLijst(url);
        tabel.Should().HaveCount(api.Gegevens.Count);
        foreach (var regel in api.Gegevens)
        {
            var rij = Rij(tabel, "Artikel", regel!["artikel"] is null ? "Totaal" : $"{regel["artikel"]} {regel["omschrijving"]}");
            rij["Begroot"].Should().Be(Bedrag(regel["begroot"]));
            rij["Stand van de begroting"].Should().Be(regel["begrootFase"]!.GetValue<string>() == "2e-suppletoire" ? "2e suppletoire" : regel["begrootFase"]!.GetValue<string>());
            rij["Realisatie"].Should().Be(Bedrag(regel["realisatie"]));
            rij["Verschil"].Should().Be(Mutatie(regel["verschil"]));
            rij["Verschil %"].Should().Be(ProcentMetTeken(regel["verschilProcent"]));
            rij["Oordeel"].Should().Be(regel["oordeel"]?.GetValue<string>() ?? "—");
        }

        // The chart says in words which articles spent less and which more, beside each pair of bars.
        var teksten = await page.Locator("#weergave .blok").Nth(1).Locator("svg.grafiek text").AllTextContentsAsync();
        teksten.Should().Contain("onderuitputting -0,09%").And.Contain("overuitputting +2,58%");
        (await page.Locator("#weergave .blok").Nth(1).Locator("figcaption").InnerTextAsync()).Should().Be(
            "Totaal 2015: begroot 12.728.969 (2e suppletoire), realisatie 12.718.106, onderuitputting -10.863 (× € 1.000). " +
            "7 artikelen met onderuitputting, 3 met overuitputting.");

        // Another soort is another request.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Soort" }).SelectOptionAsync("ontvangsten");
        await WachtTotKlaar(page);
        page.Url.Should().Contain("&soort=ontvangsten&");
        await VerzoekEnDownloads(page, "/v1/uitputting?begroting=JenV&begrotingsjaar=2015&soort=ontvangsten", "1377081");
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Meerjarig_verloop_over_begrotingsjaren_toont_per_begrotingsjaar_en_fase_de_totalen_van_de_API()
    {
        await using var sessie = await Open("/dashboard/?weergave=verloop&reeks=VI", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=verloop&soort=uitgaven&begroting=JenV&begroting=AenM&reeks=JenV&fase=ontwerpbegroting&fase=jaarverslag");

        const string bijschrift = "uitgaven, per begrotingsjaar: ontwerpbegroting en jaarverslag (realisatie)";
        var tabel = await LeesTabel(page, bijschrift);
        Rij(tabel, "Begrotingsjaar", "2015")["Ontwerpbegroting"].Should().Be("11.437.413");
        Rij(tabel, "Begrotingsjaar", "2015")["Jaarverslag (realisatie)"].Should().Be("12.718.106");
        Rij(tabel, "Begrotingsjaar", "2026")["Ontwerpbegroting"].Should().Be("18.596.347");
        Rij(tabel, "Begrotingsjaar", "2026")["Jaarverslag (realisatie)"].Should().Be("—", "there is no jaarverslag 2026; a missing figure is never 0");

        // Each cell is /v1/totalen of that stand, for the begrotingsjaar itself; the block asks them all in one request, its one download.
        var tabelUrl = "/v1/verloop/tabel?begroting=JenV&soort=uitgaven&fase=ontwerpbegroting&fase=jaarverslag";
        (await page.Locator($"#weergave .blok a[href='{tabelUrl}']").CountAsync()).Should().Be(1, "the block names its one request");
        (await page.Locator($"#weergave .blok a[download][href='{tabelUrl}&formaat=xlsx']").CountAsync()).Should().Be(1, "one download, not one per stand");
        var standen = (await _client.GetLijst("/v1/standen?begroting=JenV")).Gegevens
            .Where(s => s!["fase"]!.GetValue<string>() is "ontwerpbegroting" or "jaarverslag").ToList();
        standen.Should().HaveCount(9);
        foreach (var stand in standen)
        {
            var (jaar, fase) = (stand!["begrotingsjaar"]!.GetValue<int>(), stand["fase"]!.GetValue<string>());
            var url = $"/v1/totalen?begroting=JenV&begrotingsjaar={jaar}&fase={fase}&soort=uitgaven&vanJaar={jaar}&totJaar={jaar}";
            var bedrag = (await _client.GetLijst(url)).Gegevens.Single()!["bedrag"];
            Rij(tabel, "Begrotingsjaar", jaar.ToString(CultureInfo.InvariantCulture))[fase == "jaarverslag" ? "Jaarverslag (realisatie)" : "Ontwerpbegroting"].Should().Be(Bedrag(bedrag));
        }
        // A row per begrotingsjaar from the first to the last; where there is no stand, no figure: 9 standen.
        tabel.Select(r => r["Begrotingsjaar"]).Should().Equal(Enumerable.Range(2013, 14).Select(j => j.ToString(CultureInfo.InvariantCulture)));
        var cellen = tabel.SelectMany(r => new[] { r["Ontwerpbegroting"], r["Jaarverslag (realisatie)"] }).ToList();
        cellen.Count(w => w != "—").Should().Be(9);

        // Another fase is one more line and column, and lands in the URL; the block above does not ask again.
        var verzoekenNaarTotalen = new List<string>();
        page.Request += (_, verzoek) => { if (verzoek.Url.Contains("/v1/totalen", StringComparison.Ordinal)) verzoekenNaarTotalen.Add(verzoek.Url); };
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "2e suppletoire" }).CheckAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("&reeks=JenV&fase=ontwerpbegroting&fase=2e-suppletoire&fase=jaarverslag");
        tabel = await LeesTabel(page, "uitgaven, per begrotingsjaar: ontwerpbegroting en 2e suppletoire en jaarverslag");
        tabel[0].Keys.Where(k => k != "$id").Should().Equal("Begrotingsjaar", "Ontwerpbegroting", "2e suppletoire", "Jaarverslag (realisatie)", "Begroting toen", "Naam toen", "Toelichting");
        Rij(tabel, "Begrotingsjaar", "2015")["2e suppletoire"].Should().Be(Bedrag((await _client.GetLijst(
            "/v1/totalen?begroting=JenV&begrotingsjaar=2015&fase=2e-suppletoire&soort=uitgaven&vanJaar=2015&totJaar=2015")).Gegevens.Single()!["bedrag"]));
        verzoekenNaarTotalen.Should().BeEmpty("neither block asks /v1/totalen again");
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Bevindingen_tonen_de_problemen_van_de_API_per_pagina_gefilterd_op_begroting_ernst_en_soort()
    {
        await using var sessie = await Open("/dashboard/?weergave=aansluitingen&begroting=VI", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=aansluitingen&begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&status=afwijking");
        await VerzoekEnDownloads(page, "/v1/bevindingen/tabel?begroting=JenV&pagina=1&paginaGrootte=20", "€ 18.596.347 duizend");

        var api = await _client.GetLijst("/v1/bevindingen/gegroepeerd?begroting=JenV&paginaGrootte=20");
        var tabel = await LeesTabel(page, "Bevindingen per probleem, met de jaren en elk cijfer zoals gedrukt en waar het staat");
        tabel.Select(r => r["Uitleg"]).Should().Equal(api.Gegevens.Select(b => Tekst(b!["uitleg"])));
        tabel.Select(r => r["Ernst"]).Should().Equal(api.Gegevens.Select(b => b!["ernstLabel"]!.GetValue<string>()));
        var totaal = tabel.Single(r => r["Uitleg"].Contains("Gedrukt 'TOTAAL' van B. Ontvangsten JenV tegen de som van alle artikelen (2026)", StringComparison.Ordinal));
        // Per year the figure the finding turns on, with its line in view; every figure of every year behind the disclosure below.
        totaal["Cijfer zoals gedrukt"].Should().StartWith("2026: € 18.596.347 duizend, regel 533; 2027: € 18.840.559 duizend, regel 533");
        totaal["Alle cijfers en hun bron"].Should().StartWith("alle 45 cijfers")
            .And.Contain("€ 18.596.347 duizend: VI ontvangsten TOTAAL (2026). introductiedossier-jenv-2026.txt, regel 533 (B. Ontvangsten JenV)");
        totaal["Juiste waarde"].Should().StartWith("2026: € 1.843.526 duizend; 2027: € 1.871.453 duizend");
        totaal["Waarover"].Should().Be("JenV, 2026, ontwerpbegroting");
        totaal["Jaren"].Should().Be("2026, 2027, 2028, 2029, 2030");

        // Choosing "fout" is in the URL and in the request; the table is that answer.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Ernst" }).SelectOptionAsync("fout");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aansluitingen&begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&status=afwijking&ernst=fout");
        await VerzoekEnDownloads(page, "/v1/bevindingen/tabel?begroting=JenV&ernst=fout&pagina=1&paginaGrootte=20", "€ 18.596.347 duizend");
        api = await _client.GetLijst("/v1/bevindingen/gegroepeerd?begroting=JenV&ernst=fout");
        api.Gegevens.Should().HaveCount(7, "the findings 'fout' are seven problems: two totals over five years, DGRR's pattern, article 34's numbers, " +
            "and of JenV's organisations PDOEK's parts and two impossible numbers (NCSC, the Rechtspraak)");
        (await LeesTabel(page, "Bevindingen per probleem")).Select(r => r["Uitleg"]).Should().Equal(api.Gegevens.Select(b => Tekst(b!["uitleg"])));

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Soort bevinding" }).SelectOptionAsync("patroonbreuk");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("&ernst=fout&soort=patroonbreuk");
        await VerzoekEnDownloads(page, "/v1/bevindingen/tabel?begroting=JenV&ernst=fout&soort=patroonbreuk&pagina=1&paginaGrootte=20", "Patroonbreuk");
        (await LeesTabel(page, "Bevindingen per probleem")).Select(r => r["Soort"]).Should().Equal("Patroonbreuk");
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Elke_bronregel_is_een_link_naar_die_regel_en_de_regels_eromheen_in_zijn_eigen_bestand()
    {
        await using var sessie = await Open("/dashboard/?weergave=aansluitingen&begroting=JenV", 1280);
        var page = sessie.Page;

        // The finding about the printed TOTAAL of B. Ontvangsten JenV: its link opens line 533 of the document with two lines either side.
        var bevindingen = page.Locator("#weergave .blok").Nth(1);
        var rij = bevindingen.Locator("tbody tr").Filter(new() { HasText = "Gedrukt 'TOTAAL' van B. Ontvangsten JenV tegen de som van alle artikelen (2026)" });
        var link = rij.GetByRole(AriaRole.Link, new() { Name = "regel 533 van introductiedossier-jenv-2026.txt", Exact = true }).First;
        (await link.TextContentAsync()).Should().Be("regel 533", "the visible text is short; the file is named for assistive technology (aria-label)");
        var href = await link.GetAttributeAsync("href");
        href.Should().Be("/v1/bronnen/introductiedossier-jenv-2026.txt/regels?van=531&tot=535");
        var (regels, metadata) = await _client.GetLijst(href!);
        regels.Single(r => r!["regel"]!.GetValue<int>() == 533)!["tekst"]!.GetValue<string>().Should().Contain("18.596.347");
        metadata["sha256"]!.GetValue<string>().Should().Be(Laden.BronTests.Sha256);

        // Every line the two tables name is such a link, and every one answers with the line it names in the middle.
        var hrefs = await page.Locator("#weergave table a.bronregel").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        hrefs.Should().HaveCountGreaterThan(40);
        foreach (var adres in hrefs.Distinct())
        {
            var match = Regex.Match(adres, @"^/v1/bronnen/([^/]+)/regels\?van=(\d+)&tot=(\d+)$");
            match.Success.Should().BeTrue(adres);
            var (gegevens, _) = await _client.GetLijst(adres);
            gegevens.Select(r => r!["regel"]!.GetValue<int>()).Should().Contain(int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) - 2, adres);
        }

        // A click opens the lines in the browser, from the same service.
        var antwoord = await page.RunAndWaitForResponseAsync(() => link.ClickAsync(), _basis + href);
        antwoord.Status.Should().Be(200);
        await page.WaitForURLAsync(_basis + href);
        (await page.ContentAsync()).Should().Contain("TOTAAL 18.596.347");
        await page.GoBackAsync();
        await WachtTotKlaar(page);

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Impact} {v.Id}: {v.Help}").Should().BeEmpty();
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Een_deel_uit_een_ander_bestand_linkt_naar_dat_bestand()
    {
        // VI's ontwerpbegroting 2016 comes from both open-data files: the printed ontvangsten total of 2016 in the budgettaire tabellen,
        // artikel 92 among its parts only in the begrotingsstaten (line 1863 there).
        await using var sessie = await Open("/dashboard/?weergave=aansluitingen&begroting=VI&begrotingsjaar=2016&fase=ontwerpbegroting&status=alle&aansluiting=gedrukt-totaal", 1280);
        var page = sessie.Page;
        var link = page.Locator("#weergave .blok").First.GetByRole(AriaRole.Link, new() { Name = "regel 1863 van begrotingsstaten-2013-2017.csv", Exact = true });
        (await link.CountAsync()).Should().Be(1);
        (await link.GetAttributeAsync("href")).Should().Be("/v1/bronnen/begrotingsstaten-2013-2017.csv/regels?van=1861&tot=1865");
        (await link.EvaluateAsync<string>("a => a.nextSibling.textContent")).Should().StartWith(" (begrotingsstaten-2013-2017.csv)",
            "a part in another file says which, also to the eye");
        var (regels, _) = await _client.GetLijst((await link.GetAttributeAsync("href"))!);
        regels.Single(r => r!["regel"]!.GetValue<int>() == 1863)!["tekst"]!.GetValue<string>().Should().Be("2016,O,VI,Veiligheid en Justitie,92,Nominaal en onvoorzien,0,,,,");
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Alle_bevindingen_staan_per_probleem_per_pagina_van_20_in_de_volgorde_van_de_API_en_de_grafiek_telt_ze_allemaal()
    {
        await using var sessie = await Open("/dashboard/?weergave=aansluitingen&begroting=alle", 1280);
        var page = sessie.Page;
        var bevindingen = await _client.GetAllePaginas("/v1/bevindingen");
        var api = await _client.GetAllePaginas("/v1/bevindingen/gegroepeerd");
        var aantal = bevindingen.Gegevens.Count;
        var problemen = api.Gegevens.Count;
        aantal.Should().BeGreaterThan(500, "most findings come from the open data");
        problemen.Should().BeLessThan(aantal);
        var blok = page.Locator("#weergave .blok").Nth(1);
        (await blok.Locator("figcaption").InnerTextAsync()).Should().StartWith($"{aantal} bevindingen in {problemen} problemen: " +
            $"{bevindingen.Gegevens.Count(b => b!["ernst"]!.GetValue<string>() == "fout")} fout, ");
        // The chart counts every finding per soort; its numbers add up to all of them.
        var getallen = await blok.Locator("svg.grafiek g[font-weight='600'] text").AllTextContentsAsync();
        getallen.Select(int.Parse).Sum().Should().Be(aantal);

        var tabel = await LeesTabel(page, $"Bevindingen per probleem, met de jaren en elk cijfer zoals gedrukt en waar het staat, 1–20 van {problemen}");
        tabel.Select(r => r["Uitleg"]).Should().Equal(api.Gegevens.Take(20).Select(b => Tekst(b!["uitleg"])));

        // The next page is the API's next 20 problems, in the URL, asked of the API as that page alone, with the focus kept
        // on the button so a keyboard can go on.
        var verzoeken = new List<string>();
        page.Request += (_, verzoek) => { if (verzoek.Url.Contains("/v1/", StringComparison.Ordinal)) verzoeken.Add(verzoek.Url); };
        await blok.GetByRole(AriaRole.Button, new() { Name = "Volgende pagina van de bevindingen" }).ClickAsync();
        await page.WaitForFunctionAsync("() => location.search.includes('bevindingenPagina=2')");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aansluitingen&begroting=alle&status=afwijking&bevindingenPagina=2");
        tabel = await LeesTabel(page, $"Bevindingen per probleem, met de jaren en elk cijfer zoals gedrukt en waar het staat, 21–40 van {problemen}");
        tabel.Select(r => r["Uitleg"]).Should().Equal(api.Gegevens.Skip(20).Take(20).Select(b => Tekst(b!["uitleg"])));
        verzoeken.Should().ContainSingle().Which.Should().EndWith("/v1/bevindingen/tabel?pagina=2&paginaGrootte=20");
        await page.WaitForFunctionAsync("() => document.activeElement?.dataset.bediening === 'volgende'");

        // A page beyond the last is read as the last.
        var laatste = (problemen + 19) / 20;
        await page.GotoAsync(_basis + "/dashboard/?weergave=aansluitingen&begroting=alle&bevindingenPagina=999");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith($"&bevindingenPagina={laatste}");
        (await LeesTabel(page, $"{(laatste - 1) * 20 + 1}–{problemen} van {problemen}")).Should().HaveCount(problemen - (laatste - 1) * 20);
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Een_gedeelde_link_met_het_hoofdstuk_wordt_de_code_en_elke_begroting_en_stand_is_te_kiezen()
    {
        await using var sessie = await Open("/dashboard/?weergave=aandelen&begroting=VI", 390);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=aandelen&begroting=JenV&begrotingsjaar=2026&fase=ontwerpbegroting&soort=uitgaven&jaar=2026&niveau=artikel");
        (await page.GetByRole(AriaRole.Combobox, new() { Name = "Begroting" }).InputValueAsync()).Should().Be("JenV");
        Rij(await LeesTabel(page, "Aandelen in de uitgaven van JenV, 2026"), "Artikel", "31 Politie")["Bedrag"].Should().Be("8.843.848");

        // Every begroting of /v1/begrotingen, by hoofdstuk and name; another begroting starts at its own newest stand.
        var begrotingen = (await _client.GetLijst("/v1/begrotingen")).Gegevens;
        (await page.GetByRole(AriaRole.Combobox, new() { Name = "Begroting" }).Locator("option").AllTextContentsAsync())
            .Should().Equal(begrotingen.Select(b => $"{b!["hoofdstuk"]} {b["naam"]} ({b["code"]})"));
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Begroting" }).SelectOptionAsync("Fin");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aandelen&begroting=Fin&begrotingsjaar=2017&fase=ontwerpbegroting&soort=uitgaven&jaar=2017&niveau=artikel");

        // Every stand of /v1/standen of that begroting; the years follow the stand.
        var standen = (await _client.GetLijst("/v1/standen?begroting=Fin")).Gegevens;
        var stand = page.GetByRole(AriaRole.Combobox, new() { Name = "Stand" });
        (await stand.Locator("option").AllTextContentsAsync()).Should().BeEquivalentTo(standen.Select(s => s!["label"]!.GetValue<string>()));
        await stand.SelectOptionAsync("2015-jaarverslag");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aandelen&begroting=Fin&begrotingsjaar=2015&fase=jaarverslag&soort=uitgaven&jaar=2015&niveau=artikel");
        const string url = "/v1/aandelen?begroting=Fin&begrotingsjaar=2015&fase=jaarverslag&soort=uitgaven&jaar=2015&niveau=artikel";
        await VerzoekEnDownloads(page, url, "Fin");
        var api = await _client.GetLijst(url);
        (await LeesTabel(page, "Aandelen in de uitgaven van Fin, 2015, jaarverslag 2015")).Select(r => (r["Artikel"], r["Bedrag"], r["Aandeel in begroting"]))
            .Should().Equal(OpGrootte(api.Gegevens).Select(r => ($"{r!["artikel"]} {r["deel"]}", Bedrag(r["bedrag"]), Procent(r["aandeelVanGeheel"]))));

        // A begroting with one stand has nothing to compare and no realisatie: the view says so and asks nothing it cannot.
        await page.GotoAsync(_basis + "/dashboard/?weergave=mutaties&begroting=XX");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=mutaties&begroting=AenM&soort=uitgaven");
        (await page.Locator("#weergave .blok .melding").AllInnerTextsAsync()).Should().Equal(
            "AenM heeft één stand in de gegevens: er is niets te vergelijken.",
            "AenM heeft geen jaarverslag met een begrotingsstand ernaast in de gegevens: zonder realisatie is er geen uitputting.");
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Bezetting_toont_fte_tegen_budget_en_budget_per_fte_zoals_de_API()
    {
        await using var sessie = await Open("/dashboard/?weergave=bezetting", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=bezetting&volgorde=bron");

        var aandelen = await LeesTabel(page, "Bezetting (fte, stand 2025) en budget");
        var politie = Rij(aandelen, "Organisatie", "Politie (budget artikel 31)");
        politie["Bezetting (fte)"].Should().Be("66.658");
        politie["Aandeel bezetting"].Should().Be("56,51%");
        politie["Budget (€ miljoen)"].Should().Be("8.480");
        politie["Aandeel budget"].Should().Be("51,50%");
        Rij(aandelen, "Organisatie", "Overig")["Budget (€ miljoen)"].Should().Be("—", "a blank in the source is shown as blank, never 0");
        var perFte = await LeesTabel(page, "Budget per fte");
        Rij(perFte, "Organisatie", "Politie (budget artikel 31)")["Budget per fte"].Should().Be("€ 127.217");
        var api = await _client.GetLijst("/v1/bezetting");
        perFte.Select(r => r["Budget per fte"]).Should().Equal(api.Gegevens.Select(r => r!["budgetPerFteEuro"] is { } b ? $"€ {Bedrag(b)}" : "—"));
        await VerzoekEnDownloads(page, "/v1/bezetting", "66658");

        var grafiekVoor = await page.Locator("svg.grafiek").Last.EvaluateAsync<string>("e => e.outerHTML");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Budget per fte" }).CheckAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=bezetting&volgorde=budgetPerFte");
        (await LeesTabel(page, "Budget per fte")).Select(r => r["Organisatie"]).First().Should().Be("DJI", "DJI has the highest budget per fte (€ 201.157)");
        (await page.Locator("svg.grafiek").Last.EvaluateAsync<string>("e => e.outerHTML")).Should().NotBe(grafiekVoor);
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Het_dashboard_krijgt_de_smalste_CSP_die_het_nodig_heeft_en_de_API_houdt_de_zijne()
    {
        var pagina = await _client.GetAsync("/dashboard/");
        pagina.StatusCode.Should().Be(HttpStatusCode.OK);
        pagina.Headers.GetValues("Content-Security-Policy").Single().Should().Be(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'");
        pagina.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        (await pagina.Content.ReadAsStringAsync()).Should().Contain("<html lang=\"nl\">").And.NotContain("style=").And.NotContain("<script>");

        using var zonderVolgen = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = factory.ClientOptions.BaseAddress };
        var zonderSlash = await zonderVolgen.GetAsync("/dashboard");
        zonderSlash.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        zonderSlash.Headers.Location!.ToString().Should().EndWith("/dashboard/");

        var api = await _client.GetAsync("/v1/begrotingen");
        api.Headers.GetValues("Content-Security-Policy").Single().Should().Be("default-src 'none'; frame-ancestors 'none'");

        // The chart library is served from the service itself, the version the vendor README names, with its licence beside it.
        var plot = await _client.GetStringAsync("/dashboard/vendor/plot/plot.umd.min.js");
        plot.Should().StartWith("// @observablehq/plot v0.6.17 ");
        (await _client.GetStringAsync("/dashboard/vendor/d3/d3.min.js")).Should().StartWith("// https://d3js.org v7.9.2 ");
        var vendor = Path.Combine(Repo.Wortel, "src/BudgetApi/wwwroot/dashboard/vendor");
        File.ReadAllText(Path.Combine(vendor, "plot/LICENSE")).Should().StartWith("Copyright 2020-2025 Observable, Inc.");
        File.ReadAllText(Path.Combine(vendor, "d3/LICENSE")).Should().StartWith("Copyright 2010-2026 Mike Bostock");
        File.ReadAllText(Path.Combine(vendor, "README.md")).Should().Contain("| `@observablehq/plot` | 0.6.17 |").And.Contain("| `d3` | 7.9.2 |");

    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Elke_kolom_sorteert_getallen_als_getallen_en_leeg_onderaan_met_aria_sort(int breedte)
    {
        await using var sessie = await Open("/dashboard/?weergave=verloop&reeks=JenV&fase=ontwerpbegroting&fase=1e-suppletoire&fase=jaarverslag", breedte);
        var page = sessie.Page;
        const string bijschrift = "per begrotingsjaar: ontwerpbegroting en 1e suppletoire en jaarverslag";
        var blok = page.Locator("#weergave .blok").Filter(new() { Has = page.Locator("caption", new() { HasText = bijschrift }) });

        // A number column sorts largest first at the first click, then smallest first; the years without a figure last both ways.
        foreach (var fase in new[] { "Ontwerpbegroting", "Jaarverslag (realisatie)" })
        {
            var kop = blok.Locator("thead th", new() { HasText = fase });
            await kop.GetByRole(AriaRole.Button).ClickAsync();
            (await kop.GetAttributeAsync("aria-sort")).Should().Be("descending", "a number column sorts largest first at the first click");
            IsGesorteerd((await LeesTabel(page, bijschrift)).Select(r => r[fase]).ToList(), aflopend: true);
            await kop.GetByRole(AriaRole.Button).ClickAsync();
            (await kop.GetAttributeAsync("aria-sort")).Should().Be("ascending");
            IsGesorteerd((await LeesTabel(page, bijschrift)).Select(r => r[fase]).ToList(), aflopend: false);
        }
        (await blok.Locator("thead th[aria-sort]").CountAsync()).Should().Be(1, "one column says how the table is sorted");

        // A text column sorts as text, and the other table of the view sorts by its own headers with the keyboard.
        await blok.Locator("thead th", new() { HasText = "Begroting toen" }).GetByRole(AriaRole.Button).ClickAsync();
        var namen = (await LeesTabel(page, bijschrift)).Select(r => r["Begroting toen"]).ToList();
        // (The tests run without ICU; for these names ordinal order is the Dutch order.)
        namen.Should().BeInAscendingOrder(StringComparer.Ordinal).And.Contain("VI Veiligheid en Justitie").And.Contain("VI Justitie en Veiligheid");
        var eerste = page.Locator("#weergave .blok").First.Locator("thead th", new() { HasText = "2027" }).GetByRole(AriaRole.Button);
        await eerste.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        IsGesorteerd((await LeesTabel(page, "Uitgaven per begroting")).Select(r => r["2027"]).ToList(), aflopend: true);

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        sessie.Fouten.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Zonder_grafiekbibliotheek_staan_de_tabellen_er_met_een_nederlandse_melding(int breedte)
    {
        var context = await NieuweContext(breedte);
        await using var _ = context;
        await context.RouteAsync("**/vendor/**", route => route.AbortAsync());
        var page = await context.NewPageAsync();
        var paginafouten = new List<string>();
        page.PageError += (_, fout) => paginafouten.Add(fout);
        await page.GotoAsync(_basis + "/dashboard/?weergave=verloop");
        await WachtTotKlaar(page);

        foreach (var weergave in new[] { "verloop", "aandelen", "mutaties", "bezetting" })
        {
            await page.GotoAsync(_basis + $"/dashboard/?weergave={weergave}");
            await WachtTotKlaar(page);
            var blokken = await page.Locator("#weergave .blok").AllAsync();
            blokken.Should().NotBeEmpty();
            foreach (var blok in blokken)
            {
                (await blok.Locator("table").CountAsync()).Should().BeGreaterThan(0, "{0}: the table shows without the chart", weergave);
                (await blok.Locator(".geen-grafiek").InnerTextAsync()).Should().Be(
                    "De grafiek kan niet worden getoond, omdat de grafiekbibliotheek niet is geladen. De cijfers staan in de tabel hieronder.");
                (await blok.Locator("a[download]").CountAsync()).Should().BeGreaterThan(0, "the downloads stay");
            }
            var tekst = await page.Locator("main").InnerTextAsync();
            tekst.Should().NotContainAny("undefined", "TypeError", "is not", "Cannot read", "null");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"zonder-grafiek-{weergave}-{breedte}.png"), FullPage = true });
        }
        Rij(await LeesTabel(page, "Bezetting (fte, stand 2025)"), "Organisatie", "Politie (budget artikel 31)").Should().NotBeEmpty();
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        paginafouten.Should().BeEmpty("a missing library is handled, not thrown");
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Een_mislukt_verzoek_noemt_zich_de_rest_van_het_blok_blijft_en_opnieuw_proberen_haalt_het(int breedte)
    {
        var context = await NieuweContext(breedte);
        await using var _ = context;
        // The was → wordt table of "over begrotingsjaren" fails (the service answers 503 for it); its table answers.
        const string mislukt = "/v1/was-wordt";
        var falen = true;
        await context.RouteAsync("**/v1/was-wordt", async route =>
        {
            if (falen && route.Request.Url.EndsWith(mislukt, StringComparison.Ordinal))
            {
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json",
                    Body = """{"type":"about:blank","title":"Tijdelijk niet beschikbaar","status":503,"detail":"De dienst laadt een nieuwe versie; probeer het zo opnieuw."}""" });
                return;
            }
            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();
        var paginafouten = new List<string>();
        page.PageError += (_, fout) => paginafouten.Add(fout);
        await page.GotoAsync(_basis + "/dashboard/?weergave=verloop");
        await WachtTotKlaar(page);

        var blok = page.Locator("#weergave .blok").Nth(1);
        var melding = blok.Locator(".melding-fout");
        (await melding.InnerTextAsync()).Should().Contain("Eén verzoek van dit blok is mislukt; wat wel is opgehaald, staat hieronder.")
            .And.Contain("status 503 (Tijdelijk niet beschikbaar)").And.Contain(mislukt);
        var tabel = await LeesTabel(page, "per begrotingsjaar: ontwerpbegroting en jaarverslag");
        Rij(tabel, "Begrotingsjaar", "2015")["Ontwerpbegroting"].Should().Be("11.437.413", "what did answer stays shown");
        Rij(tabel, "Begrotingsjaar", "2015")["Jaarverslag (realisatie)"].Should().Be("12.718.106");
        (await blok.Locator(".omvangsgrens").CountAsync()).Should().Be(0, "without the was → wordt table no scope change is claimed");
        (await blok.Locator("svg.grafiek").CountAsync()).Should().Be(1);
        (await page.Locator("#weergave .blok").First.Locator(".melding-fout").CountAsync()).Should().Be(0, "the other block is not touched");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"mislukt-verzoek-{breedte}.png"), FullPage = true });

        falen = false;
        await blok.GetByRole(AriaRole.Button, new() { Name = "Opnieuw proberen" }).ClickAsync();
        await melding.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await WachtTotKlaar(page);
        (await blok.Locator(".omvangsgrens").CountAsync()).Should().BeGreaterThan(0, "the retry brings the was → wordt table, and the scope change it names");

        // A block whose only request fails: the message names it in Dutch, and the retry draws it.
        falen = true;
        await context.RouteAsync("**/v1/bezetting**", route => route.AbortAsync());
        await page.GotoAsync(_basis + "/dashboard/?weergave=bezetting");
        await WachtTotKlaar(page);
        var fout = page.Locator("#weergave .blok .melding-fout").First;
        (await fout.InnerTextAsync()).Should().Contain("De cijfers voor dit blok konden niet worden opgehaald. De API is niet bereikbaar.");
        await context.UnrouteAsync("**/v1/bezetting**");
        await page.Locator("#weergave .blok").First.GetByRole(AriaRole.Button, new() { Name = "Opnieuw proberen" }).ClickAsync();
        await page.Locator("#weergave .blok").First.Locator("table").WaitForAsync();
        (await page.Locator("#weergave .blok").First.Locator(".melding-fout").CountAsync()).Should().Be(0);
        paginafouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Op_390_pixels_staat_een_grafiek_op_het_eerste_scherm_en_tabellen_tonen_naam_en_cijfers_met_een_schuifhint()
    {
        await using var sessie = await Open("/dashboard/?weergave=verloop", 390);
        var page = sessie.Page;
        var hoogte = page.ViewportSize!.Height;

        var grafiek = await page.Locator("svg.grafiek").First.BoundingBoxAsync();
        grafiek.Should().NotBeNull();
        (grafiek!.Y + 120).Should().BeLessThan(hoogte, "the first chart begins on the first screen, with a good part of it in view");

        foreach (var houder in await page.Locator("#weergave .tabel-houder").AllAsync())
        {
            var schuift = await houder.EvaluateAsync<bool>("h => h.scrollWidth > h.clientWidth + 1");
            var hint = houder.Locator("xpath=preceding-sibling::p[contains(@class,'schuif-hint')]");
            (await hint.IsVisibleAsync()).Should().Be(schuift, "the cue shows exactly when the table scrolls");
            if (!schuift) continue;
            (await hint.InnerTextAsync()).Should().Contain("Schuif de tabel opzij");
            // The name column stays, and at least one figure column is visible beside it.
            (await houder.Locator("tbody tr > :first-child").First.EvaluateAsync<string>("c => getComputedStyle(c).position")).Should().Be("sticky");
            var vak = (await houder.BoundingBoxAsync())!;
            var cijfer = (await houder.Locator("tbody tr").First.Locator("td.getal").First.BoundingBoxAsync())!;
            (cijfer.X + cijfer.Width).Should().BeLessThanOrEqualTo(vak.X + vak.Width + 1, "a figure is visible beside the name");
            await houder.EvaluateAsync("h => { h.scrollLeft = h.scrollWidth; }");
            var naam = (await houder.Locator("tbody tr > :first-child").First.BoundingBoxAsync())!;
            naam.X.Should().BeApproximately(vak.X, 2, "the name column stays in view while the figures scroll");
        }
        // Captions wrap within the screen.
        foreach (var caption in await page.Locator("#weergave caption").AllAsync())
        {
            var vak = (await caption.BoundingBoxAsync())!;
            (vak.X + vak.Width).Should().BeLessThanOrEqualTo(390, "a caption is not cut off");
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "eerste-scherm-verloop-390.png") });
        sessie.Fouten.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Over_begrotingsjaren_noemt_de_omvangsgrens_uit_was_wordt_en_de_namen_zoals_gepubliceerd(int breedte)
    {
        await using var sessie = await Open("/dashboard/?weergave=verloop&reeks=JenV", breedte);
        var page = sessie.Page;
        var blok = page.Locator("#weergave .blok").Nth(1);
        var bijschrift = await blok.Locator("figcaption").InnerTextAsync();

        // VI artikel 37 Migratie went to XX from 2025 (data/was-wordt.csv): 2013–2017 and 2026 are not the same scope.
        var wasWordt = (await _client.GetLijst("/v1/was-wordt")).Gegevens.Single(w => w!["wasHoofdstuk"]!.GetValue<string>() == "VI")!;
        bijschrift.Should().Contain($"Omvang anders vanaf 2026 (gestippelde lijn): tot en met {wasWordt["wasLaatsteBegrotingsjaar"]} omvatte JenV (VI) ook artikel 37 {wasWordt["wasOmschrijving"]}; " +
            $"vanaf {wasWordt["wordtEersteBegrotingsjaar"]} is dat XX artikel 37 {wasWordt["wordtOmschrijving"]}.");
        (await blok.Locator("svg.grafiek text", new() { HasText = "omvang anders" }).CountAsync()).Should().Be(1, "the chart marks where the scope changes");
        bijschrift.Should().Contain("Geen standen in 2018–2025: de lijnen zijn daar onderbroken.");
        (await blok.Locator("a[href='/v1/was-wordt']").CountAsync()).Should().Be(1, "the block names the request it used");

        // Each year's name as its source published it, beside today's name.
        var standen = (await _client.GetLijst("/v1/standen?begroting=JenV")).Gegevens;
        var vandaag = standen[0]!["naam"]!.GetValue<string>();
        var naam2015 = standen.First(s => s!["begrotingsjaar"]!.GetValue<int>() == 2015)!["naamZoalsGepubliceerd"]?.GetValue<string>() ?? vandaag;
        naam2015.Should().NotBe(vandaag, "the sample's 2015 source names the begroting as it was then");
        bijschrift.Should().Contain("Naam zoals gepubliceerd: ").And.Contain(naam2015).And.Contain($"(nu: {vandaag}).");
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task De_downloads_van_een_blok_zijn_excel_nl_csv_en_xlsx_met_een_naam_die_de_keuze_noemt()
    {
        await using var sessie = await Open("/dashboard/?weergave=aandelen", 1400);
        var page = sessie.Page;
        var blok = page.Locator("#weergave .blok").First;

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => blok.Locator("a[download]", new() { HasText = "CSV" }).ClickAsync());
        csvDownload.SuggestedFilename.Should().Be("aandelen-tabel-JenV-2026-ontwerpbegroting-uitgaven-2026-artikel.csv");
        var csv = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
        csv.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF });
        var regels = System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n");
        regels[0].Should().Be("Artikel;Bedrag;Aandeel in begroting;Bronregel", "the table's Dutch headings, separated by ';'");
        regels[1].Should().Be("31 Politie;8843848;47,56;472", "the Dutch dialect: ';' and a decimal comma; the largest share first, as on the screen");

        var xlsxDownload = await page.RunAndWaitForDownloadAsync(() => blok.Locator("a[download]", new() { HasText = "Excel" }).ClickAsync());
        xlsxDownload.SuggestedFilename.Should().Be("aandelen-tabel-JenV-2026-ontwerpbegroting-uitgaven-2026-artikel.xlsx");
        var werkmap = await Werkmappen.Lees(await File.ReadAllBytesAsync((await xlsxDownload.PathAsync())!));
        var politie = werkmap["Gegevens"].Regels.Single(r => r["Artikel"].Tekst == "31 Politie");
        politie["Aandeel in begroting"].Should().Match<Cel>(c => c.Getal == 0.4756m && c.Opmaak == Cel.ProcentOpmaak);
        politie["Bedrag"].Should().Match<Cel>(c => c.Getal == 8843848m && c.Opmaak == "#,##0");
        sessie.Fouten.Should().BeEmpty();
    }

    private static void IsGesorteerd(List<string> cellen, bool aflopend)
    {
        var getallen = cellen.Where(c => c != "—").Select(c => decimal.Parse(c.Replace(".", "").Replace(",", ".").TrimEnd('%'), CultureInfo.InvariantCulture)).ToList();
        getallen.Should().HaveCountGreaterThan(1);
        if (aflopend) getallen.Should().BeInDescendingOrder();
        else getallen.Should().BeInAscendingOrder();
        cellen.SkipWhile(c => c != "—").All(c => c == "—").Should().BeTrue("blanks come after every figure: {0}", string.Join(" | ", cellen));
    }

    private async Task<IBrowserContext> NieuweContext(int breedte)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = breedte, Height = 900 },
            Locale = "nl-NL",
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout((float)Chromiumbrowser.Wachttijd.TotalMilliseconds);
        return context;
    }

    private sealed class Sessie(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;
        public List<string> Fouten { get; } = [];

        public async ValueTask DisposeAsync() => await context.DisposeAsync();
    }

    /// <summary>Opens a page at a width, recording every console error, page error and failed request of the page.</summary>
    private async Task<Sessie> Open(string pad, int breedte)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = breedte, Height = 900 },
            Locale = "nl-NL",
            AcceptDownloads = true,
        });
        // Every wait of the page bounded by one generous limit (Chromiumbrowser.Wachttijd), not Playwright's default 30 s.
        context.SetDefaultTimeout((float)Chromiumbrowser.Wachttijd.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var sessie = new Sessie(context, page);
        page.Console += (_, bericht) =>
        {
            if (bericht.Type is "error" or "warning") sessie.Fouten.Add($"console {bericht.Type}: {bericht.Text}");
        };
        page.PageError += (_, fout) => sessie.Fouten.Add($"page error: {fout}");
        page.Response += (_, antwoord) =>
        {
            if (antwoord.Status >= 400) sessie.Fouten.Add($"{antwoord.Status} {antwoord.Url}");
        };
        page.RequestFailed += (_, verzoek) => sessie.Fouten.Add($"failed {verzoek.Url}: {verzoek.Failure}");
        var antwoord = await page.GotoAsync(_basis + pad);
        antwoord!.Status.Should().Be(200);
        (await antwoord.HeaderValueAsync("content-security-policy")).Should().Be(Dashboard.ContentSecurityPolicy);
        try
        {
            await WachtTotKlaar(page);
        }
        catch (TimeoutException)
        {
            var inhoud = await page.Locator("main").InnerTextAsync();
            throw new TimeoutException($"The view did not finish drawing. Errors: {string.Join("; ", sessie.Fouten)}. Page: {inhoud}");
        }
        return sessie;
    }

    /// <summary>Waits until every block of the view has drawn (its table) or said why not (its message), and none is busy.</summary>
    private static Task WachtTotKlaar(IPage page) => page.WaitForFunctionAsync("""
        () => {
          const blokken = [...document.querySelectorAll('#weergave .blok')];
          return blokken.length > 0 && blokken.every(b => b.getAttribute('aria-busy') !== 'true' && (b.querySelector('table') || b.querySelector('.melding')));
        }
        """);

    /// <summary>A table of the view, found by its caption, as rows of header → cell text (white space as plain spaces).</summary>
    private static async Task<List<Dictionary<string, string>>> LeesTabel(IPage page, string bijschrift)
    {
        var rijen = await page.EvaluateAsync<System.Text.Json.JsonElement?>("""
            (bijschrift) => {
              const tabel = [...document.querySelectorAll('#weergave table')].find(t => t.caption?.textContent.includes(bijschrift));
              if (!tabel) return null;
              const tekst = (c) => c.textContent.replace(/\s+/g, ' ').trim();
              const koppen = [...tabel.tHead.rows[0].cells].map(tekst);
              return [...tabel.tBodies[0].rows].map(r => Object.fromEntries([...r.cells].map((c, i) => [koppen[i], tekst(c)])));
            }
            """, bijschrift);
        rijen.Should().NotBeNull($"a table with the caption '{bijschrift}' is shown");
        rijen!.Value.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Array, $"a table with the caption '{bijschrift}' is shown");
        return rijen.Value.EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!))
            .ToList();
    }

    private static Dictionary<string, string> Rij(List<Dictionary<string, string>> tabel, string kolom, string waarde)
    {
        tabel.Select(r => r[kolom]).Should().Contain(waarde);
        return tabel.Single(r => r[kolom] == waarde);
    }

    /// <summary>Every figure of a pivoted verloop table is the API's: one row per begroting, one column per year.</summary>
    private async Task TabelIsDeApi(List<Dictionary<string, string>> tabel, string url)
    {
        var api = await _client.GetLijst(url);
        api.Gegevens.Should().NotBeEmpty();
        foreach (var regel in api.Gegevens)
        {
            var begroting = regel!["begroting"]!.GetValue<string>();
            var rij = Rij(tabel, "Begroting", begroting.Contains('+') ? $"{begroting} (geconsolideerd)" : begroting);
            rij[regel["jaar"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture)].Should().Be(Bedrag(regel["bedrag"]));
        }
    }

    /// <summary>
    /// The block names its exact request, and offers its table as CSV in the Dutch Excel dialect (which answers with the figures) and
    /// as Excel: where the API serves the block's table (/v1/…/tabel, the same request's parameters) the downloads are that table,
    /// elsewhere (aansluitingen, bevindingen) the request itself.
    /// </summary>
    private async Task VerzoekEnDownloads(IPage page, string url, string figuurInCsv)
    {
        var blok = page.Locator("#weergave .blok").Filter(new() { Has = page.Locator($"a[href='{url}']") }).First;
        (await blok.Locator($"a[href='{url}'] code").First.InnerTextAsync()).Should().Be(url);
        var pad = url.Split('?')[0];
        var tabel = url;
        if (new[] { "/v1/totalen", "/v1/aandelen", "/v1/mutaties", "/v1/uitputting", "/v1/standenreeks", "/v1/bezetting", "/v1/aansluitingen" }.Contains(pad))
        {
            // The table of the same request (bezetting: which of its two tables, in the chosen order), named in the block.
            tabel = (await blok.Locator(".verzoeken p", new() { HasText = "De tabel:" }).Locator("a").GetAttributeAsync("href"))!;
            tabel.Should().StartWith(pad + "/tabel" + url[pad.Length..]);
        }
        // A paged table's files hold every row of the selection: the table's request without its page.
        if (pad is "/v1/aansluitingen" or "/v1/bevindingen/tabel") tabel = Regex.Replace(tabel, @"[?&](pagina|paginaGrootte)=\d+", "").Replace("/tabel&", "/tabel?");
        var csv = tabel + (tabel.Contains('?') ? "&" : "?") + "formaat=csv&dialect=excel-nl";
        var xlsx = tabel + (tabel.Contains('?') ? "&" : "?") + "formaat=xlsx";
        (await blok.Locator($"a[href='{csv}'][download]").InnerTextAsync()).Should().StartWith("CSV");
        (await blok.Locator($"a[href='{xlsx}'][download]").InnerTextAsync()).Should().StartWith("Excel");
        var antwoord = await _client.GetAsync(csv);
        antwoord.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await antwoord.Content.ReadAsStringAsync()).Should().Contain(figuurInCsv);
    }

    /// <summary>An amount as the dashboard shows it: Dutch thousands separators, "18.596.347".</summary>
    private static string Bedrag(JsonNode? waarde) => waarde is null
        ? "—"
        : waarde.GetValue<long>().ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    /// <summary>A change as the dashboard shows it: with its sign, "+13.113", "-4.493", "0".</summary>
    private static string Mutatie(JsonNode? waarde) => waarde is null
        ? "—"
        : waarde.GetValue<long>() switch { > 0 and var v => "+" + Bedrag(v), < 0 and var v => "-" + Bedrag(-v), _ => "0" };

    /// <summary>A change in percent as the dashboard shows it: "+0,26%", "-0,09%", "0,00%".</summary>
    private static string ProcentMetTeken(JsonNode? waarde) => waarde is null
        ? "—"
        : waarde.GetValue<decimal>() switch { > 0 and var v => "+" + Procent(v), < 0 and var v => "-" + Procent(-v), var v => Procent(v) };

    /// <summary>Text as a table cell shows it: runs of white space as one space.</summary>
    private static string Tekst(JsonNode? waarde) => Regex.Replace(waarde!.GetValue<string>(), @"\s+", " ").Trim();

    /// <summary>The bars of the n-th block's chart (the rectangles of hatch patterns and clip paths not counted).</summary>
    private static Task<int> Balken(IPage page, int blok) => page.Locator("#weergave .blok").Nth(blok)
        .EvaluateAsync<int>("b => [...b.querySelectorAll('svg.grafiek rect')].filter(r => !r.closest('defs, pattern, clipPath')).length");

    /// <summary>A percentage as the dashboard shows it: two decimals with a comma, "47,56%".</summary>
    private static string Procent(JsonNode? waarde) => waarde is null
        ? "—"
        : waarde.GetValue<decimal>().ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + "%";
}
