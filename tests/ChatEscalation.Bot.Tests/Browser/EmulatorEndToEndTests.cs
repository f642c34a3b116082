using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>The whole escalation process in a real browser against the real host: raise, accept, escalate with a handoff note, the user's status update, accept at Tier 2, resolve, a manager ping after fast-forward and a reassign from it, and the dashboard's counts.</summary>
[Trait("Category", "Browser")]
public sealed class EmulatorEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Emulator_RaiseAcceptEscalateResolveAndFastForward_WorksEndToEnd()
    {
        File.Exists(BrowserSession.ChromiumPath).ShouldBeTrue("Debian's chromium must be installed at /usr/bin/chromium");
        await using var host = await EmulatorHost.StartAsync();
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        page.Console += (_, m) => { if (m.Type == "error") output.WriteLine("browser console: " + m.Text); };
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);

        // Uma raises a ticket in #it-help.
        await BeAsync(page, "uma@demo.local");
        await page.FillAsync("[data-testid='composer-text']", "/ticket VPN drops every 10 minutes");
        await page.ClickAsync("[data-testid='composer-send']");
        await Expect(page.Locator("#messages article[data-kind='bot']").Last).ToContainTextAsync("INC-000001");
        await browser.ScreenshotAsync("01-raised");

        // Alice (Tier 1) accepts from the Slack rendering of the card in #tier-1.
        await BeAsync(page, "alice@demo.local");
        await page.ClickAsync("[data-testid='channel-tier-1']");
        var card = page.Locator("#messages article[data-kind='card'][data-ticket='1']");
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.Locator(".render-teams .ac-adaptiveCard")).ToHaveCountAsync(1);
        await card.Locator(".render-slack button[data-action-id='accept']").ClickAsync();
        await Expect(page.Locator("#toast.ok")).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync("Alice");
        await browser.ScreenshotAsync("02-accepted-tier1");

        // Bob (Tier 1, not the owner) may not escalate: the refusal is shown to him.
        await BeAsync(page, "bob@demo.local");
        await card.Locator(".render-slack button[data-action-id='escalate']").ClickAsync();
        await page.FillAsync("[data-testid='field-tried']", "Nothing");
        await page.FillAsync("[data-testid='field-outcome']", "Nothing");
        await page.FillAsync("[data-testid='field-needs']", "Nothing");
        await page.ClickAsync("[data-testid='form-submit']");
        await Expect(page.Locator("[data-testid='form-error']")).Not.ToBeEmptyAsync();
        await browser.ScreenshotAsync("03-refused-bob");
        await page.ClickAsync("#form-cancel");

        // Alice escalates with a handoff note.
        await BeAsync(page, "alice@demo.local");
        await card.Locator(".render-slack button[data-action-id='escalate']").ClickAsync();
        await page.FillAsync("[data-testid='field-tried']", "Reinstalled the VPN client and reset the profile");
        await page.FillAsync("[data-testid='field-outcome']", "Still drops every 10 minutes");
        await page.FillAsync("[data-testid='field-needs']", "Check the concentrator logs for her account");
        await page.ClickAsync("[data-testid='form-submit']");
        await Expect(page.Locator("#toast.ok")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='form-dialog']")).Not.ToBeVisibleAsync();

        // Uma sees the status update in her direct messages.
        await BeAsync(page, "uma@demo.local");
        await page.ClickAsync("[data-testid='channel-dm:uma@demo.local']");
        await Expect(page.Locator("#messages article[data-kind='direct']").Last).ToContainTextAsync("Tier 2");
        await browser.ScreenshotAsync("04-user-status-update");

        // Carol (Tier 2) accepts from the Teams rendering, then resolves from the Slack one.
        await BeAsync(page, "carol@demo.local");
        await page.ClickAsync("[data-testid='channel-tier-2']");
        var card2 = page.Locator("#messages article[data-kind='card'][data-ticket='1']");
        await Expect(card2).ToContainTextAsync("Reinstalled the VPN client");
        await card2.Locator(".render-teams button", new() { HasText = "Accept" }).First.ClickAsync();
        await Expect(page.Locator("#toast.ok")).ToBeVisibleAsync();
        await Expect(card2).ToContainTextAsync("Carol");
        await browser.ScreenshotAsync("05-accepted-tier2");
        await card2.Locator(".render-slack button[data-action-id='resolve']").ClickAsync();
        await page.FillAsync("[data-testid='field-resolution']", "Replaced the expired VPN certificate on her laptop");
        await page.ClickAsync("[data-testid='form-submit']");
        await Expect(page.Locator("#toast.ok")).ToBeVisibleAsync();
        await Expect(card2).ToContainTextAsync("Resolved");
        await browser.ScreenshotAsync("06-resolved");

        // A second ticket nobody touches; fast-forward until the managers are pinged.
        await BeAsync(page, "uma@demo.local");
        await page.ClickAsync("[data-testid='channel-it-help']");
        await page.FillAsync("[data-testid='composer-text']", "/ticket Payroll export fails for the whole team");
        await page.ClickAsync("[data-testid='composer-send']");
        await Expect(page.Locator("#messages article[data-kind='bot']").Last).ToContainTextAsync("INC-000002");
        await BeAsync(page, "maria@demo.local");
        await page.ClickAsync("[data-testid='channel-it-managers']");
        await page.ClickAsync("[data-testid='clock-monday']");
        await Expect(page.Locator("#toast.ok")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid='clock-eod']");
        var ping = page.Locator("#messages article[data-kind='alert'][data-ticket='2']", new() { HasTextRegex = new Regex("of its resolution time|breached its resolution target") });
        await Expect(ping.First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("07-manager-ping");

        // Maria reassigns it from the ping: straight to Tier 3, with a reason; the card appears in #tier-3.
        await ping.First.Locator(".render-slack button[data-action-id='reassign']").ClickAsync();
        await page.SelectOptionAsync("[data-testid='field-tier']", "3");
        await page.FillAsync("[data-testid='field-reason']", "Payroll exports are an infrastructure job");
        await page.ClickAsync("[data-testid='form-submit']");
        await Expect(page.Locator("#toast.ok")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid='channel-tier-3']");
        await Expect(page.Locator("#messages article[data-kind='card'][data-ticket='2']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("07b-reassigned-tier3");

        // The what-if panel shows a dry run.
        await page.ClickAsync("[data-testid='toggle-whatif']");
        await page.ClickAsync("[data-testid='whatif-run']");
        await Expect(page.Locator("[data-testid='whatif-timeline'] tbody tr").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync("08-whatif");

        // The dashboard counts them.
        await page.GotoAsync(host.BaseUrl + "/dashboard");
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#kpi-open")).ToHaveTextAsync("1");
        await Expect(page.Locator("#kpi-fcr")).ToHaveTextAsync("0 %");
        await Expect(page.Locator("#kpi-fcr-count")).ToContainTextAsync("(0 of 1 resolved)");
        await Expect(page.Locator("[data-testid='by-technician']")).ToContainTextAsync("Alice");
        await Expect(page.Locator("[data-testid='knowledge']")).ToContainTextAsync("Replaced the expired VPN certificate"); // Carol's Tier 2 fix
        await browser.ScreenshotAsync("09-dashboard");

        await page.GotoAsync(host.BaseUrl + "/tickets/1");
        await Expect(page.Locator("[data-testid='handoff']").First).ToContainTextAsync("Reinstalled the VPN client");
        await browser.ScreenshotAsync("10-ticket-page");
    }

    private static async Task BeAsync(IPage page, string person)
    {
        await page.SelectOptionAsync("[data-testid='who']", person);
        await page.Locator("#toast").EvaluateAsync("t => t.classList.add('hidden')");
    }
}
