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
public sealed class DashboardTests(KestrelFactory factory) : IClassFixture<KestrelFactory>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _basis = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        File.Exists(Chromium).Should().BeTrue("the browser tests need Debian's chromium (apt-get install chromium), which .ci/run installs");
        factory.StartServer();
        _basis = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _client = factory.CreateClient();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // No background traffic: this machine has no network beyond its package registries.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
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

        // No sideways scrolling of the page; every control and menu item lies within the width and can take the focus.
        var paginabreedte = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        paginabreedte.Should().BeLessThanOrEqualTo(breedte, "the page must not scroll sideways at {0} px", breedte);
        foreach (var bediening in await page.Locator("nav a, #weergave form input, #weergave form select").AllAsync())
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
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "AenM (Asiel en Migratie)" }).UncheckAsync();
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
        // A hand-edited link: the code in another case and a year outside the data are read as JenV and the first year.
        await using var sessie = await Open("/dashboard/?weergave=aandelen&begroting=jenv&jaar=1999&niveau=artikel", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=aandelen&begroting=JenV&soort=uitgaven&jaar=2026&niveau=artikel");

        var tabel = await LeesTabel(page, "Aandelen in de uitgaven van JenV, 2026");
        var politie = Rij(tabel, "Artikel", "31 Politie");
        politie["Bedrag"].Should().Be("8.843.848");
        politie["Aandeel in begroting"].Should().Be("47,56%");
        politie["Bronregel"].Should().Be("472");
        var api = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&niveau=artikel");
        tabel.Select(r => (r["Artikel"], r["Bedrag"], r["Aandeel in begroting"])).Should().Equal(api.Gegevens.Select(r =>
            ($"{r!["artikel"]} {r["deel"]}", Bedrag(r["bedrag"]), Procent(r["aandeelVanGeheel"]))));
        await VerzoekEnDownloads(page, "/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&niveau=artikel", "8843848");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Per waarvan-regel, met de rest" }).CheckAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aandelen&begroting=JenV&soort=uitgaven&jaar=2026&niveau=waarvan");
        tabel = await LeesTabel(page, "Aandelen in de uitgaven van JenV, 2026");
        var politieDelen = tabel.Where(r => r["Artikel"] == "31 Politie").ToList();
        politieDelen.Select(r => (r["Deel"], r["Bedrag"], r["Aandeel in artikel"])).Should().Equal(
            ("Bijdrage aan Politie", "8.480.305", "95,89%"),
            ("overig, niet gespecificeerd", "363.543", "4,11%"));
        api = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2026&niveau=waarvan");
        tabel.Select(r => (r["Deel"], r["Bedrag"])).Should().Equal(api.Gegevens.Select(r => (r!["deel"]!.GetValue<string>(), Bedrag(r["bedrag"]))));
        // Each remainder is drawn hatched, so it is told apart without colour.
        var resten = api.Gegevens.Count(r => r!["soortDeel"]!.GetValue<string>() == "overig");
        (await page.Locator("svg.grafiek rect[fill^='url(#arcering']").CountAsync()).Should().Be(resten);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Jaar" }).SelectOptionAsync("2028");
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aandelen&begroting=JenV&soort=uitgaven&jaar=2028&niveau=waarvan");
        api = await _client.GetLijst("/v1/aandelen?begroting=JenV&soort=uitgaven&jaar=2028&niveau=waarvan");
        (await LeesTabel(page, "Aandelen in de uitgaven van JenV, 2028")).Select(r => (r["Deel"], r["Bedrag"]))
            .Should().Equal(api.Gegevens.Select(r => (r!["deel"]!.GetValue<string>(), Bedrag(r["bedrag"]))));
        sessie.Fouten.Should().BeEmpty();
    }

    [Fact]
    public async Task Aansluitingen_tonen_gedrukt_tegen_berekend_met_de_bronregel_en_het_verzoek_per_regel()
    {
        await using var sessie = await Open("/dashboard/?weergave=aansluitingen", 1280);
        var page = sessie.Page;
        page.Url.Should().EndWith("?weergave=aansluitingen&status=afwijking");

        var tabel = await LeesTabel(page, "Aansluitingen: gedrukt tegen berekend");
        var api = await _client.GetLijst("/v1/aansluitingen?status=afwijking");
        tabel.Should().HaveCount(api.Gegevens.Count).And.HaveCount(14, "ten JenV ontvangsten totals and four organisation figures do not add up");
        var totaal = tabel.Single(r => r["Wat"] == "Gedrukt 'TOTAAL' van B. Ontvangsten JenV tegen de som van alle artikelen" && r["Jaar"] == "2026");
        totaal["Gedrukt"].Should().Be("18.596.347");
        totaal["Berekend"].Should().Be("1.843.526");
        totaal["Verschil"].Should().Be("+16.752.821");
        totaal["Juiste waarde"].Should().Be("1.843.526");
        totaal["Oordeel"].Should().Be("sluit-niet");
        totaal["Bron"].Should().Be("regel 533 (B. Ontvangsten JenV); delen: regels 537, 539, 543, 549, 553, 557, 559, 561");

        // The row's own request answers with this reconciliation.
        var verzoek = await page.Locator("#weergave table tbody tr").Nth(tabel.IndexOf(totaal)).Locator("a").GetAttributeAsync("href");
        verzoek.Should().Be("/v1/aansluitingen?aansluiting=gedrukt-totaal&begroting=JenV&soort=ontvangsten&jaar=2026");
        (await _client.GetLijst(verzoek!)).Gegevens.Select(r => r!["id"]!.GetValue<string>()).Should().Contain("gedrukt-totaal/VI-2026-ontwerpbegroting/ontvangsten/totaal/2026");
        await VerzoekEnDownloads(page, "/v1/aansluitingen?status=afwijking", "18596347");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Alle", Exact = true }).CheckAsync();
        await WachtTotKlaar(page);
        page.Url.Should().EndWith("?weergave=aansluitingen&status=alle");
        (await LeesTabel(page, "Aansluitingen: gedrukt tegen berekend")).Should().HaveCount((await _client.GetLijst("/v1/aansluitingen")).Gegevens.Count);
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
        });
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

    /// <summary>The block names its exact request, and offers it as CSV (which answers with the figures) and as Excel.</summary>
    private async Task VerzoekEnDownloads(IPage page, string url, string figuurInCsv)
    {
        var blok = page.Locator("#weergave .blok").Filter(new() { Has = page.Locator($"a[href='{url}']") }).First;
        (await blok.Locator($"a[href='{url}'] code").InnerTextAsync()).Should().Be(url);
        var csv = url + (url.Contains('?') ? "&" : "?") + "formaat=csv";
        var xlsx = url + (url.Contains('?') ? "&" : "?") + "formaat=xlsx";
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

    /// <summary>A percentage as the dashboard shows it: two decimals with a comma, "47,56%".</summary>
    private static string Procent(JsonNode? waarde) => waarde is null
        ? "—"
        : waarde.GetValue<decimal>().ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + "%";
}
