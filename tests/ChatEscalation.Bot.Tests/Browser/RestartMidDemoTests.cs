using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// Issue 13: a restart in the middle of the demo used to bring the channels back empty and the clock back to real time, and
/// then pages showed negative times and "8 h left" for a breached ticket. Now the bot is stopped and started again on the same
/// database: the history, the message ids and the demo clock are where they were, and no page shows a negative figure.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class RestartMidDemoTests(ITestOutputHelper output)
{
    /// <summary>A minus sign right before a digit, not inside a word or a date (2026-03-16).</summary>
    [GeneratedRegex(@"(?<![\w\-−])[-−]\s?\d")]
    private static partial Regex NegativeFigure();

    [Fact]
    public async Task Restart_MidDemo_HistoryAndClockIntactNoNegativeFigure()
    {
        var realTime = new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero));
        var folder = EmulatorHost.NewFolder();
        try
        {
            await using var browser = await BrowserSession.StartAsync(1440, 900);
            var page = browser.Page;
            string clockBefore;
            int alertsBefore;
            await using (var first = await EmulatorHost.StartAsync(realTime, folder))
            {
                await page.GotoAsync(first.BaseUrl + "/");
                await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);
                await page.SelectOptionAsync("[data-testid='who']", "uma@demo.local");
                await page.SayAsync("/ticket VPN drops every 10 minutes");
                await Expect(page.Locator("#messages article[data-kind='bot']").Last).ToContainTextAsync("INC-000001");
                await page.ClickAsync("[data-testid='clock-eod']");
                await Expect(page.Locator("#toast.ok")).ToContainTextAsync("end of the day");
                await page.SayAsync("/ticket P1 Whole office VPN is down");
                await Expect(page.Locator("#messages article[data-kind='bot']").Last).ToContainTextAsync("INC-000002");
                await page.ClickAsync("[data-testid='clock-monday']");
                await Expect(page.Locator("#toast.ok")).ToContainTextAsync("Monday 08:00", new() { Timeout = 90_000 });
                await page.ClickAsync("[data-testid='channel-it-managers']");
                alertsBefore = await page.Locator("#messages article[data-kind='alert']").CountAsync();
                clockBefore = await page.Locator("#clock-now").InnerTextAsync();
                await browser.ScreenshotAsync("restart-1-before");
            }

            realTime.Advance(TimeSpan.FromMinutes(1)); // the restart takes a real minute
            await using var second = await EmulatorHost.StartAsync(realTime, folder);
            await page.GotoAsync(second.BaseUrl + "/");
            await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);
            var clockAfter = await page.Locator("#clock-now").InnerTextAsync();
            output.WriteLine($"clock before: {clockBefore} / after: {clockAfter}");
            clockAfter.ShouldStartWith("Mon 16 Mar 2026 08:01 GMT");
            clockBefore.ShouldStartWith("Mon 16 Mar 2026 08:00 GMT");
            await page.ClickAsync("[data-testid='channel-it-managers']");
            await Expect(page.Locator("#messages article[data-kind='alert']")).ToHaveCountAsync(alertsBefore);
            await page.ClickAsync("[data-testid='channel-tier-1']");
            await Expect(page.Locator("#messages article[data-kind='card'][data-ticket='1']")).ToHaveCountAsync(1);

            // Uma's open tickets: the breached P1 reads as breached, never as time left.
            await page.ClickAsync("[data-testid='channel-dm:uma@demo.local']");
            await page.SayAsync("mine");
            var mine = page.Locator("#messages article[data-kind='bot']").Last;
            await Expect(mine).ToContainTextAsync("Your open tickets (2)");
            var line = Regex.Match(await mine.Locator("[data-testid='msg-text']").InnerTextAsync(), "INC-000002[^\n]*").Value;
            line.ShouldContain("Breached: over by");
            line.ShouldNotContain(" left");
            await browser.ScreenshotAsync("restart-2-after");

            foreach (var path in new[] { "/", "/tickets/2", "/tickets/1", "/dashboard" })
            {
                await page.GotoAsync(second.BaseUrl + path);
                if (path == "/dashboard") await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);
                else if (path == "/") await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1); // server-rendered otherwise
                var text = await page.Locator("body").InnerTextAsync();
                NegativeFigure().Matches(text).Select(m => m.Value).ShouldBeEmpty($"a negative figure on {path}");
            }
            await browser.ScreenshotAsync("restart-3-dashboard");
        }
        finally
        {
            EmulatorHost.DeleteFolder(folder);
        }
    }
}
