using Microsoft.Playwright;

namespace BudgetApi.Tests.Browser;

/// <summary>
/// Debian's Chromium (installed by .ci/run, apt package 'chromium'), driven by Playwright, started the same way for every
/// browser test: headless, and with no background traffic, as this machine has no network beyond its package registries.
/// </summary>
public sealed class Chromiumbrowser : IAsyncDisposable
{
    public const string Pad = "/usr/bin/chromium";

    /// <summary>
    /// How long any one step of a browser test may wait for its condition (an element, an answer): generous, for a machine shared
    /// with other builds, and bounded, so a test that cannot pass fails in minutes at most rather than hanging.
    /// </summary>
    public static readonly TimeSpan Wachttijd = TimeSpan.FromSeconds(90);

    private readonly IPlaywright _playwright;

    private Chromiumbrowser(IPlaywright playwright, IBrowser browser) => (_playwright, Browser) = (playwright, browser);

    public IBrowser Browser { get; }

    public static async Task<Chromiumbrowser> Start()
    {
        File.Exists(Pad).Should().BeTrue("the browser tests need Debian's chromium (apt-get install chromium), which .ci/run installs");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Pad,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Chromiumbrowser(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
