using Microsoft.Playwright;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>Debian's headless Chromium (never a downloaded browser) driven by Playwright, with screenshots saved as test artefacts.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Sets the viewport (a phone: 390 × 844).</summary>
    public Task ResizeAsync(int width, int height) => Page.SetViewportSizeAsync(width, height);

    /// <summary>The page's scrollWidth and clientWidth: the first is larger when something sticks out sideways.</summary>
    public async Task<(int ScrollWidth, int ClientWidth)> WidthsAsync()
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>Where screenshots go: <c>bin/…/artifacts/screenshots</c> of the test project.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <param name="timeZone">The browser's time zone (pages show times in it); default London, the demo desk's.</param>
    public static async Task<BrowserSession> StartAsync(int width = 1600, int height = 1000, string timeZone = "Europe/London")
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, TimezoneId = timeZone });
        page.SetDefaultTimeout(20_000);
        return new BrowserSession(playwright, browser, page);
    }

    /// <summary>Saves a full-page screenshot and prints its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        Console.WriteLine($"screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
