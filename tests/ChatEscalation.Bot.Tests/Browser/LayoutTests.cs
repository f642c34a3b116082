using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// The emulator and the what-if page at a desktop (1440 × 900) and a phone (390 × 844): screenshots of both, and at 390 px nothing
/// sticks out sideways (scrollWidth &lt;= clientWidth), the channel list folds into a drawer, and the clock, what-if and Send stay reachable.
/// </summary>
[Trait("Category", "Browser")]
public sealed class LayoutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EmulatorAndWhatIf_DesktopAndPhone_UsableWithoutSidewaysOverflow()
    {
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        using (var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) })
        {
            // A ticket with a handoff, so the queues hold real cards (the widest thing the page shows).
            (await http.PostAsJsonAsync("/local/messages", new { user = "uma@demo.local", channel = "it-help", text = "/ticket VPN drops every 10 minutes since the update on Monday" })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/local/actions", new { user = "alice@demo.local", ticket = 1, action = "accept" })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/local/actions", new { user = "alice@demo.local", ticket = 1, action = "escalate",
                fields = new Dictionary<string, string> { ["tried"] = "Reinstalled the client", ["outcome"] = "Still drops", ["needs"] = "Concentrator logs" } })).EnsureSuccessStatusCode();

            // The favicon browsers ask for, and the one the pages link.
            using var ico = await http.GetAsync("/favicon.ico");
            ico.Content.Headers.ContentType!.MediaType.ShouldBe("image/x-icon");
            (await ico.Content.ReadAsByteArrayAsync()).Take(4).ShouldBe(new byte[] { 0, 0, 1, 0 });
            using var svg = await http.GetAsync("/web/favicon.svg");
            svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        }
        await using var browser = await BrowserSession.StartAsync(1440, 900);
        var page = browser.Page;
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };

        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("[data-testid='who']", "carol@demo.local");
        await page.ClickAsync("[data-testid='channel-tier-2']");
        await Expect(page.Locator("#messages article[data-kind='card']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("layout-1440-emulator");
        (await browser.WidthsAsync()).ShouldSatisfyAllConditions(w => w.ScrollWidth.ShouldBeLessThanOrEqualTo(w.ClientWidth));

        await browser.ResizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='channels']")).Not.ToBeInViewportAsync();
        await page.ClickAsync("[data-testid='toggle-channels']");
        await Expect(page.Locator("[data-testid='channels']")).ToBeInViewportAsync();
        await page.ClickAsync("[data-testid='channel-tier-2']");
        await Expect(page.Locator("[data-testid='channels']")).Not.ToBeInViewportAsync();
        var card = page.Locator("#messages article[data-kind='card']");
        await Expect(card).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("layout-390-emulator");
        var phone = await browser.WidthsAsync();
        output.WriteLine($"390 px emulator: scrollWidth {phone.ScrollWidth}, clientWidth {phone.ClientWidth}");
        phone.ScrollWidth.ShouldBeLessThanOrEqualTo(phone.ClientWidth);
        (await card.Locator(".render-slack").BoundingBoxAsync())!.Width.ShouldBeGreaterThan(300); // cards fit: no letter-per-line columns
        foreach (var control in new[] { "clock-30m", "clock-eod", "clock-monday", "open-whatif", "composer-send", "composer-text" })
            await Expect(page.Locator($"[data-testid='{control}']")).ToBeInViewportAsync();
        await page.FillAsync("[data-testid='composer-text']", "mine");
        await page.ClickAsync("[data-testid='composer-send']"); // reachable: nothing covers it

        await page.GotoAsync(host.BaseUrl + "/whatif");
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("layout-390-whatif");
        var whatIf = await browser.WidthsAsync();
        whatIf.ScrollWidth.ShouldBeLessThanOrEqualTo(whatIf.ClientWidth);

        await browser.ResizeAsync(1440, 900);
        await page.ReloadAsync();
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("layout-1440-whatif");
        errors.ShouldBeEmpty();
    }
}
