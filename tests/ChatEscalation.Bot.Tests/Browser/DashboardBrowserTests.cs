using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// The dashboard a manager opens: the open-ticket list (breached first, then at risk, then on track, each a link), opened from the
/// "open tickets" figure; at 1440×900 and at 390×844 with no horizontal overflow; no Content-Security-Policy violation on the way.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    /// <summary>Tuesday 10 March 2026, 09:00 in London (GMT): the desk has just opened.</summary>
    private static readonly DateTimeOffset Tuesday9 = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Dashboard_OpenTicketsFigure_OpensTheListBreachedFirstAtDesktopAndPhoneWidths()
    {
        File.Exists(BrowserSession.ChromiumPath).ShouldBeTrue("Debian's chromium must be installed at /usr/bin/chromium");
        var clock = new FakeTimeProvider(Tuesday9);
        await using var host = await EmulatorHost.StartAsync(clock);
        // P2 payroll tickets have 8 business hours. At 17:30 the 09:00 one is breached, the 10:00 one at risk (30 min left);
        // the P3 VPN ticket raised at 17:00 is on track.
        var breached = await RaiseAsync(host, "Payroll export fails for the whole team");
        clock.Advance(TimeSpan.FromHours(1));
        var atRisk = await RaiseAsync(host, "Payroll payslips missing for March");
        clock.Advance(TimeSpan.FromHours(7));
        var onTrack = await RaiseAsync(host, "VPN drops every 10 minutes");
        clock.Advance(TimeSpan.FromMinutes(30));

        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            output.WriteLine("browser console: " + m.Type + " " + m.Text);
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) problems.Add(m.Text); // CSP violations land here
        };
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && !r.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) problems.Add($"{r.Status} {r.Url}");
        };
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync(host.BaseUrl + "/dashboard");
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);

        await Expect(page.Locator("#kpi-open")).ToHaveTextAsync("3");
        await page.ClickAsync("[data-testid='kpi-open']");
        var list = page.Locator("[data-testid='open-list']");
        await Expect(list).ToBeFocusedAsync();
        await Expect(list).ToBeInViewportAsync();
        var rows = list.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        (await rows.EvaluateAllAsync<long[]>("rs => rs.map(r => Number(r.dataset.ticket))")).ShouldBe([breached, atRisk, onTrack]);
        await Expect(rows.Nth(0).Locator(".sla")).ToHaveTextAsync("breached");
        await Expect(rows.Nth(1).Locator(".sla")).ToHaveTextAsync("at risk");
        await Expect(rows.Nth(2).Locator(".sla")).ToHaveTextAsync("on track");
        await Expect(page.Locator("[data-testid='fcr-band']")).ToContainTextAsync("Nothing resolved");
        await browser.ScreenshotAsync("dashboard-1440x900-open-list");
        await page.CheckAsync("#range input[name='days'][value='7']");
        await Expect(page.Locator("#export-tickets")).ToHaveAttributeAsync("href", "/dashboard/export.csv?days=7");
        await Expect(page.Locator("#from")).ToHaveValueAsync("2026-03-03");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await browser.ScreenshotAsync("dashboard-1440x900");

        // Each row is a link to its ticket page, where events read as sentences.
        var link = rows.Nth(0).Locator("a");
        await Expect(link).ToHaveAttributeAsync("href", $"/tickets/{breached}");
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/tickets/{breached}$"));
        await Expect(page.Locator("[data-testid='audit']")).ToContainTextAsync("Ticket raised");
        await Expect(page.Locator("[data-testid='audit'] time").First).Not.ToContainTextAsync("Europe/London"); // rewritten in the browser's zone

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(host.BaseUrl + "/dashboard");
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);
        await NoHorizontalOverflowAsync(page);
        await browser.ScreenshotAsync("dashboard-390x844");
        await page.ClickAsync("[data-testid='kpi-open']");
        await Expect(page.Locator("[data-testid='open-list'] tbody tr")).ToHaveCountAsync(3);
        await NoHorizontalOverflowAsync(page);
        await browser.ScreenshotAsync("dashboard-390x844-open-list");
        await page.GotoAsync(host.BaseUrl + $"/tickets/{breached}");
        await NoHorizontalOverflowAsync(page);
        await browser.ScreenshotAsync("ticket-390x844");

        problems.ShouldBeEmpty();
    }

    private static async Task NoHorizontalOverflowAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the page scrolls sideways");
    }

    private static async Task<long> RaiseAsync(EmulatorHost host, string title)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var policy = scope.ServiceProvider.GetRequiredService<EscalationPolicy>();
        var result = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().RaiseAsync(new RaiseTicket(policy.Person("uma@demo.local"), "local", title));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Ticket!.Number;
    }
}
