using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// The emulator's Home for the person picked in the top bar: their Slack App Home and Teams home card side by side; Accept on it takes the
/// ticket, and the home follows. Saves <c>home.png</c>; with <c>README_SCREENSHOTS=1</c> also as README's <c>docs/screenshots/home.png</c>
/// (<c>docs/screenshots/update-home.sh</c>).
/// </summary>
[Trait("Category", "Browser")]
public sealed class HomeBrowserTests
{
    [Fact]
    public async Task Emulator_HomeOfATechnician_ShowsTheQueueAndAcceptTakesTheTicket()
    {
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        using (var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) })
        {
            foreach (var text in new[] { "/ticket Printer on floor 3 jams", "/ticket VPN drops every 10 minutes", "/ticket P1 Whole office is offline" })
                (await http.PostAsJsonAsync("/local/messages", new { user = "uma@demo.local", channel = "it-help", text })).EnsureSuccessStatusCode();
            (await http.PostAsJsonAsync("/local/actions", new { user = "alice@demo.local", ticket = 2, action = "accept", fields = new { } })).EnsureSuccessStatusCode();
        }

        await using var browser = await BrowserSession.StartAsync(1440, 1000);
        var page = browser.Page;
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("[data-testid='who']", "alice@demo.local");

        await page.ClickAsync("[data-testid='home-link']");
        var slack = page.Locator("[data-testid='home-slack']");
        await Expect(page.Locator("[data-testid='home']")).ToBeVisibleAsync();
        await Expect(page.Locator(".conversation")).Not.ToBeVisibleAsync();
        await Expect(slack).ToContainTextAsync("Tier 1 – Service Desk: waiting for a technician");
        await Expect(slack).ToContainTextAsync("VPN drops every 10 minutes"); // her own open ticket
        await Expect(page.Locator("[data-testid='home-teams']")).ToContainTextAsync("Your on-call shifts this week and next");
        var shot = await browser.ScreenshotAsync("home");
        if (Environment.GetEnvironmentVariable("README_SCREENSHOTS") == "1")
            File.Copy(shot, Path.Combine(ChatEscalation.Bot.Tests.Cards.RepoPaths.RepoRoot, "docs", "screenshots", "home.png"), overwrite: true);
        await Expect(slack.Locator("button[data-action-id='accept']")).ToHaveCountAsync(2); // the printer and the P1 wait in Tier 1's queue
        var printer = slack.Locator(".bk-section", new() { HasText = "Printer on floor 3 jams" });

        await printer.Locator("button[data-action-id='accept']").ClickAsync();
        await Expect(printer.Locator("button[data-action-id='accept']")).ToHaveCountAsync(0);
        await Expect(printer).ToContainTextAsync("In progress with Alice");
        await Expect(page.Locator("[data-testid='home-status']")).ToContainTextAsync("INC-000001");
        await Expect(slack.Locator("button[data-action-id='accept']")).ToHaveCountAsync(1);

        await page.ClickAsync("[data-testid='channel-it-help']"); // a channel leaves the home
        await Expect(page.Locator("[data-testid='home']")).Not.ToBeVisibleAsync();
        await Expect(page.Locator(".conversation")).ToBeVisibleAsync();
        errors.ShouldBeEmpty();
    }
}
