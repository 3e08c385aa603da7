using BudgetApi.Tests.Infrastructuur;
using Microsoft.Playwright;

namespace BudgetApi.Tests.Browser;

/// <summary>
/// Swagger UI in Debian's Chromium, driven by Playwright: the page loads the one OpenAPI document, and an example
/// tried from the page answers with the source's figures. Chromium is installed by .ci/run (apt package 'chromium').
/// </summary>
public sealed class SwaggerUiTests(KestrelFactory factory) : IClassFixture<KestrelFactory>, IAsyncLifetime
{
    private Chromiumbrowser _chromium = null!;
    private string _basis = null!;

    public async Task InitializeAsync()
    {
        factory.StartServer();
        _basis = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _chromium = await Chromiumbrowser.Start();
    }

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    /// <summary>A new page on Swagger UI of the running service, every wait on it bounded by <see cref="Chromiumbrowser.Wachttijd"/>.</summary>
    private async Task<IPage> SwaggerUi()
    {
        var page = await _chromium.Browser.NewPageAsync();
        page.SetDefaultTimeout((float)Chromiumbrowser.Wachttijd.TotalMilliseconds);
        await page.GotoAsync(_basis + "/swagger/index.html");
        return page;
    }

    [Fact]
    public async Task Swagger_UI_toont_elke_operatie_en_een_voorbeeld_werkt_als_je_het_probeert()
    {
        var page = await SwaggerUi();
        await page.Locator("#operations-Begrotingen-GetBegrotingen").WaitForAsync();

        // Every operation of the document is on the page.
        using var client = factory.CreateClient();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/v1/openapi.json"))!;
        var operaties = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]!.GetValue<string>())).ToList();
        operaties.Should().NotBeEmpty();
        foreach (var operatie in operaties)
        {
            (await page.Locator($"[id$='-{operatie}']").CountAsync()).Should().Be(1, $"operation {operatie} is shown");
        }

        // Every operation, tried with the values the page fills in itself, answers 200; the import, without a token, 401. Each block
        // is closed again once checked: an open block keeps its rendered answer (some are hundreds of KB of highlighted JSON), and
        // a page holding all of them made every later step, and a full-page screenshot after each one, slower and slower: under load
        // one run took 9½ minutes and then failed at the screenshot's 30 s. Now the page holds one answer at a time, and a screenshot
        // (of the viewport) is taken only when a step fails.
        var politieGezien = false;
        foreach (var blok in await page.Locator(".opblock").AllAsync())
        {
            var naam = await blok.GetAttributeAsync("id");
            // The CSV and Excel operations are the JSON ones' requests with a file as the answer: the download test below tries them.
            if (naam!.EndsWith("Csv", StringComparison.Ordinal) || naam.EndsWith("Xlsx", StringComparison.Ordinal)) continue;
            var beveiligd = naam == Import;
            try
            {
                await blok.Locator(".opblock-summary").First.ClickAsync();
                await blok.Locator("button.try-out__btn").ClickAsync();
                // The import's body is a file to pick (its first media type is the raw file).
                if (beveiligd) await blok.Locator("input[type=file]").SetInputFilesAsync(Standbestand);
                await blok.Locator("button.execute").ClickAsync();
                var status = blok.Locator(".live-responses-table tbody tr.response .response-col_status").First;
                await status.WaitForAsync();
                (await status.InnerTextAsync()).Trim().Should().Be(beveiligd ? "401" : "200", naam);
                if (naam == "operations-Artikelen-GetArtikel")
                {
                    // The article of Politie, with the page's examples, shows the source's figure.
                    (await blok.Locator(".live-responses-table .microlight").First.InnerTextAsync()).Should().Contain("8843848");
                    politieGezien = true;
                }
                await blok.Locator(".opblock-summary").First.ClickAsync();
                await blok.Locator(".live-responses-table").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            }
            catch (Exception)
            {
                await Schermafdruk(page, "budgetapi-swagger-fout.png");
                throw;
            }
        }
        politieGezien.Should().BeTrue("the artikel operation is on the page");
    }

    /// <summary>What the page showed when a step failed, for the CI log; never itself the failure.</summary>
    private static async Task Schermafdruk(IPage page, string naam)
    {
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), naam), Timeout = (float)Chromiumbrowser.Wachttijd.TotalMilliseconds });
        }
        catch (PlaywrightException)
        {
            // The failure that led here is what the test reports.
        }
    }

    private const string Import = "operations-Standen-ImporteerStanden";

    /// <summary>The example stand file, as the file picker would take it from disk.</summary>
    private static readonly FilePayload Standbestand = new()
    {
        Name = "voorjaarsnota-2026.csv",
        MimeType = "text/csv",
        Buffer = System.Text.Encoding.UTF8.GetBytes(BudgetApi.Http.Voorbeelden.Standbestand),
    };

    [Fact]
    public async Task Met_Authorize_en_een_token_importeert_Swagger_UI_het_voorbeeld()
    {
        var page = await SwaggerUi();
        await page.Locator("#" + Import).WaitForAsync();

        // The page is Dutch, says what the service holds, and links the dashboard.
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be("nl");
        (await page.Locator(".information-container a[href='/dashboard']").CountAsync()).Should().Be(1);

        // Authorize: the page's own dialog, which says how to get a token, with a token of the identity provider.
        await page.Locator(".auth-wrapper button.authorize").ClickAsync();
        (await page.Locator(".modal-ux").InnerTextAsync()).Should().Contain("dotnet user-jwts create --project src/BudgetApi --role budget-importeur");
        await page.Locator(".modal-ux input[type=text]").FillAsync(Tokens.Maak(naam: "swagger@dfez"));
        await page.Locator(".modal-ux .auth-btn-wrapper button.authorize").ClickAsync();
        await page.Locator(".modal-ux button.btn-done").ClickAsync();

        var import = page.Locator("#" + Import);
        await import.Locator(".opblock-summary").First.ClickAsync();
        await import.Locator("button.try-out__btn").ClickAsync();
        // The file picker (the raw body as a file, offered first): the stand file as it would be on disk.
        await import.Locator("input[type=file]").SetInputFilesAsync(Standbestand);
        await import.Locator("button.execute").ClickAsync();
        var status = import.Locator(".live-responses-table tbody tr.response .response-col_status").First;
        await status.WaitForAsync();
        (await status.InnerTextAsync()).Trim().Should().Be("201", "the example is a new stand, imported with the token");
        (await import.Locator(".live-responses-table .microlight").First.InnerTextAsync()).Should().Contain("VI-2026-1e-suppletoire");
        using var client = factory.CreateClient();
        (await client.GetLijst("/v1/standen/VI-2026-1e-suppletoire")).Gegevens.Single()!["bronnen"]![0]!.Tekst("geimporteerdDoor").Should().Be("swagger@dfez");
    }

    [Fact]
    public async Task In_Swagger_UI_geven_de_CSV_en_Excel_operaties_een_bestand_om_te_downloaden()
    {
        var page = await SwaggerUi();
        foreach (var (operatie, bestand) in new[] { ("GetBezettingXlsx", "bezetting.xlsx"), ("GetBezettingCsv", "bezetting.csv") })
        {
            var blok = page.Locator($"#operations-Bezetting-{operatie}");
            await blok.WaitForAsync();
            await blok.Locator(".opblock-summary").First.ClickAsync();
            await blok.Locator("button.try-out__btn").ClickAsync();
            await blok.Locator("button.execute").ClickAsync();

            var download = blok.Locator(".live-responses-table a", new LocatorLocatorOptions { HasText = "Download file" });
            await download.WaitForAsync();
            (await download.GetAttributeAsync("download")).Should().Be(bestand);
            (await blok.Locator(".live-responses-table tbody tr.response .response-col_status").First.InnerTextAsync()).Trim().Should().Be("200");
            await blok.Locator(".opblock-summary").First.ClickAsync();
        }
    }
}
