using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// Raising from the emulator the three ways README names: the "New ticket…" form (category, impact, urgency, affected service),
/// any other text in a direct chat (the form opens prefilled from the words), and a mistyped command ("did you mean /ticket?").
/// </summary>
[Trait("Category", "Browser")]
public sealed class RaiseFormTests
{
    [Fact]
    public async Task Emulator_RaiseForm_DirectChatTextAndTypo_EachEndsInTheRightTicket()
    {
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        await using var browser = await BrowserSession.StartAsync(1440, 900);
        var page = browser.Page;
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("[data-testid='who']", "uma@demo.local");

        // The form: every field the engine routes on.
        await page.ClickAsync("[data-testid='raise-form']");
        await Expect(page.Locator("[data-testid='form-dialog']")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid='field-title']", "Invoices cannot be posted");
        await page.SelectOptionAsync("[data-testid='field-category']", "Payroll");
        await page.SelectOptionAsync("[data-testid='field-impact']", "High");
        await page.SelectOptionAsync("[data-testid='field-urgency']", "High");
        await page.FillAsync("[data-testid='field-service']", "ERP");
        await browser.ScreenshotAsync("raise-form");
        await page.ClickAsync("[data-testid='form-submit']");
        await Expect(page.Locator("#toast.ok")).ToContainTextAsync("INC-000001 raised: P1: ERP is a critical service");
        await page.ClickAsync("[data-testid='channel-tier-2']"); // Payroll opens at Tier 2
        await Expect(page.Locator("#messages article[data-kind='card'][data-ticket='1']")).ToContainTextAsync("Invoices cannot be posted");

        // Other words in a direct chat: the raise form opens, prefilled from them.
        await page.ClickAsync("[data-testid='channel-dm:uma@demo.local']");
        await page.SayAsync("my laptop screen flickers, only my laptop, no rush");
        await Expect(page.Locator("[data-testid='form-dialog']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='field-title']")).ToHaveValueAsync("my laptop screen flickers, only my laptop, no rush");
        await Expect(page.Locator("[data-testid='field-category']")).ToHaveValueAsync("Hardware");
        await Expect(page.Locator("[data-testid='field-impact']")).ToHaveValueAsync("Low");
        await Expect(page.Locator("[data-testid='field-urgency']")).ToHaveValueAsync("Low");
        await browser.ScreenshotAsync("raise-form-prefilled");
        await page.ClickAsync("[data-testid='form-submit']");
        await Expect(page.Locator("#toast.ok")).ToContainTextAsync("INC-000002 raised: P4");
        await Expect(page.Locator("#messages article[data-kind='bot']").Last.Locator(".render-slack button[data-action-id='raise']")).ToHaveCountAsync(1);

        // A typo of the command is answered, not raised.
        await page.SayAsync("/tiket printer jams");
        await Expect(page.Locator("#messages article[data-kind='bot']").Last).ToContainTextAsync("Did you mean /ticket? Type: /ticket printer jams");
        await page.ClickAsync("#form-cancel");
        await Expect(page.Locator("[data-testid='form-dialog']")).Not.ToBeVisibleAsync();
    }
}
