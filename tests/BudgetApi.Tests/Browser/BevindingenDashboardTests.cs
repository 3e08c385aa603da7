using System.Text.RegularExpressions;
using BudgetApi.Tests.Infrastructuur;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BudgetApi.Tests.Browser;

/// <summary>
/// The view "Aansluitingen en bevindingen" as an analyst reads it (issue 16 §5), in Debian's Chromium at 1400 and 390 px: it
/// opens on JenV, lists one problem per row with its years, writes no code in its text, asks the API only for the page it
/// shows, and its first view stays small (the bytes are measured, and bounded generously).
/// </summary>
public sealed class BevindingenDashboardTests(KestrelFactory factory) : IClassFixture<KestrelFactory>, IAsyncLifetime
{
    /// <summary>
    /// What the first view may transfer from /v1/ (the encoded bodies): before issue 16 it asked every finding of every
    /// begroting, 904 KB; the JenV page of 20 problems is about 10 KB compressed. The bound leaves room for the data to grow.
    /// </summary>
    private const long GrensEersteWeergave = 150_000;

    private Chromiumbrowser _chromium = null!;
    private string _basis = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        factory.StartServer();
        _basis = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _client = factory.CreateClient();
        _chromium = await Chromiumbrowser.Start();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        _client.Dispose();
    }

    [Theory]
    [InlineData(1400)]
    [InlineData(390)]
    public async Task Opent_op_JenV_met_een_probleem_per_rij_en_zijn_jaren_zonder_codes_en_klein(int breedte)
    {
        await using var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = breedte, Height = 900 }, Locale = "nl-NL",
        });
        context.SetDefaultTimeout((float)Chromiumbrowser.Wachttijd.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var fouten = new List<string>();
        page.Console += (_, bericht) => { if (bericht.Type is "error" or "warning") fouten.Add($"console {bericht.Type}: {bericht.Text}"); };
        page.PageError += (_, fout) => fouten.Add($"page error: {fout}");
        var verzoeken = new List<string>();
        var metingen = new List<Task<long>>();
        page.Response += (_, antwoord) =>
        {
            if (antwoord.Status >= 400) fouten.Add($"{antwoord.Status} {antwoord.Url}");
            if (!antwoord.Url.Contains("/v1/", StringComparison.Ordinal)) return;
            verzoeken.Add(antwoord.Url[_basis.Length..]);
            metingen.Add(Overgedragen(antwoord));
        };

        await page.GotoAsync(_basis + "/dashboard/?weergave=aansluitingen");
        await WachtTotKlaar(page);

        // JenV by default, in the URL and in the choice, and in both blocks' requests.
        (await page.GetByRole(AriaRole.Combobox, new() { Name = "Begroting", Exact = true }).InputValueAsync()).Should().Be("JenV");
        page.Url.Should().Contain("begroting=JenV");
        verzoeken.Should().Contain("/v1/bevindingen/tabel?begroting=JenV&pagina=1&paginaGrootte=20");
        verzoeken.Where(v => v.StartsWith("/v1/bevindingen", StringComparison.Ordinal)).Should().OnlyContain(v => v.Contains("paginaGrootte=20"),
            "only the page shown is asked for");
        verzoeken.Where(v => v.StartsWith("/v1/aansluitingen", StringComparison.Ordinal)).Should().OnlyContain(v => v.Contains("begroting=JenV"));

        // The bytes of the first view, from /v1/ as transferred.
        var bytes = (await Task.WhenAll(metingen)).Sum();
        File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "eerste-weergave-bevindingen.txt"), $"{breedte} px: {verzoeken.Count} verzoeken, {bytes} bytes\n");
        bytes.Should().BeLessThan(GrensEersteWeergave, $"the first view asks {string.Join(", ", verzoeken)}");

        // One row per problem, the API's problems in its order; the printed TOTAAL of B. Ontvangsten JenV once, with its five years
        // and each year's printed figure and juiste waarde.
        var (problemen, _) = await _client.GetLijst("/v1/bevindingen/gegroepeerd?begroting=JenV&paginaGrootte=20");
        var tabel = await LeesTabel(page, "Bevindingen per probleem");
        tabel.Select(r => r["Uitleg"]).Should().Equal(problemen.Select(p => Regex.Replace(p!["uitleg"]!.GetValue<string>(), @"\s+", " ").Trim()));
        tabel.Select(r => r["Soort"]).Should().Equal(problemen.Select(p => p!["soortLabel"]!.GetValue<string>()));
        var totaal = tabel.Where(r => r["Uitleg"].Contains("Gedrukt 'TOTAAL' van B. Ontvangsten JenV", StringComparison.Ordinal)).Should().ContainSingle().Subject;
        totaal["Jaren"].Should().Be("2026, 2027, 2028, 2029, 2030");
        totaal["Uitleg"].Should().StartWith("Dezelfde bevinding in 5 jaren");
        totaal["Ernst"].Should().Be("Fout");
        totaal["Juiste waarde"].Should().Be("2026: € 1.843.526 duizend; 2027: € 1.871.453 duizend; 2028: € 1.909.610 duizend; 2029: € 1.946.985 duizend; 2030: € 1.982.682 duizend");
        totaal["Cijfer zoals gedrukt"].Should().StartWith("2026: € 18.596.347 duizend, regel 533; 2027: € 18.840.559 duizend, regel 533");
        (await page.Locator("#weergave table a.bronregel", new() { HasText = "regel 533" }).First.GetAttributeAsync("aria-label")).Should().Be("regel 533 van introductiedossier-jenv-2026.txt");

        // No code of the API in what the analyst reads: kinds, severities and verdicts in words, units one way.
        var tekst = await page.Locator("#weergave").InnerTextAsync();
        foreach (var code in new[] { "sluit-niet", "past-niet", "totaal-sluit-niet", "formatie-psg-cluster", "x € 1.000", "× € 1.000", "beschikbaar-kader" })
        {
            tekst.Should().NotContain(code);
        }

        // Paging asks the API for the next page alone.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Begroting", Exact = true }).SelectOptionAsync("alle");
        await WachtTotKlaar(page);
        page.Url.Should().Contain("begroting=alle");
        var (alleProblemen, metadata) = await _client.GetLijst("/v1/bevindingen/gegroepeerd?pagina=2&paginaGrootte=20");
        verzoeken.Clear();
        var blok = page.Locator("#weergave .blok").Nth(1);
        await blok.GetByRole(AriaRole.Button, new() { Name = "Volgende pagina van de bevindingen" }).ClickAsync();
        await page.WaitForFunctionAsync("() => location.search.includes('bevindingenPagina=2')");
        await WachtTotKlaar(page);
        verzoeken.Should().Equal("/v1/bevindingen/tabel?pagina=2&paginaGrootte=20");
        var totaalAantal = metadata["paginering"]!["totaalAantal"]!.GetValue<int>();
        (await LeesTabel(page, $"21–40 van {totaalAantal}")).Select(r => r["Soort"])
            .Should().Equal(alleProblemen.Select(p => p!["soortLabel"]!.GetValue<string>()));

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Impact} {v.Id}: {v.Help}").Should().BeEmpty();
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(breedte);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"bevindingen-{breedte}.png"), FullPage = true });
        fouten.Should().BeEmpty();
    }

    /// <summary>The bytes a response took on the wire: its encoded body (compressed where the service compressed it).</summary>
    private static async Task<long> Overgedragen(IResponse antwoord)
    {
        var maten = await antwoord.Request.SizesAsync();
        return maten.ResponseBodySize;
    }

    private static Task WachtTotKlaar(IPage page) => page.WaitForFunctionAsync("""
        () => {
          const blokken = [...document.querySelectorAll('#weergave .blok')];
          return blokken.length > 0 && blokken.every(b => b.getAttribute('aria-busy') !== 'true' && (b.querySelector('table') || b.querySelector('.melding')));
        }
        """);

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
        rijen!.Value.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Array);
        return rijen.Value.EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!)).ToList();
    }
}
