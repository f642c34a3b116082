using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// README "Ways in", each way on the emulator page: a typed command, "Raise a ticket" on somebody's message (Slack's message shortcut,
/// Teams' message extension), a card's buttons, and the ticket's thread (status lines, a reply that becomes a note). Each step leaves
/// a screenshot; with <c>README_SCREENSHOTS=1</c> (see <c>docs/screenshots/make.sh</c>) they are also written to the repository's
/// <c>docs/screenshots/&lt;entry&gt;.png</c>, which README shows.
/// </summary>
[Trait("Category", "Browser")]
public sealed class EntryPointTests
{
    [Fact]
    public async Task Emulator_ShortcutRaisesForTheAuthor_ThreadShowsStatusLines_ReplyInTheThreadIsANote()
    {
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        await using var browser = await BrowserSession.StartAsync(1440, 900);
        var page = browser.Page;
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator("body[data-live='true']")).ToHaveCountAsync(1);

        // Typed command: Bob raises a ticket of his own with /ticket.
        await page.BeAsync("bob@demo.local");
        await page.OpenAsync("it-help");
        await page.SayAsync("/ticket Printer on floor 3 jams");
        await Expect(page.Locator("#messages article[data-kind='bot']").Last).ToContainTextAsync("INC-000001 raised");
        await SaveAsync(browser, "typed-command");

        // Uma asks in #it-help; Alice uses "⋯ → Raise a ticket" on her message: the form opens prefilled from it.
        await page.BeAsync("uma@demo.local");
        await page.SayAsync("Is the VPN down for anyone else? It drops every 10 minutes");
        var umas = page.Locator("#messages > article[data-kind='user']", new() { HasText = "Is the VPN down for anyone else?" });
        await Expect(umas).ToHaveCountAsync(1);
        await page.BeAsync("alice@demo.local");
        await umas.Locator("[data-testid='msg-more']").ClickAsync();
        await Expect(umas.Locator("[data-testid='raise-from-message']")).ToBeVisibleAsync();
        await SaveAsync(browser, "raise-from-message");
        await umas.Locator("[data-testid='raise-from-message']").ClickAsync();
        await Expect(page.Locator("[data-testid='form-dialog']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='field-title']")).ToHaveValueAsync("Is the VPN down for anyone else? It drops every 10 minutes");
        await Expect(page.Locator("[data-testid='field-category']")).ToHaveValueAsync("Network");
        await page.ClickAsync("[data-testid='form-submit']");
        await Expect(page.Locator("#toast.ok")).ToContainTextAsync("INC-000002 raised");

        // The answer is in the message's thread; the ticket is Uma's, raised by Alice.
        var thread = umas.Locator("[data-testid='thread']");
        await Expect(thread).ToContainTextAsync("INC-000002 raised from this message by Alice (Tier 1) for Uma (end user)");
        await page.OpenAsync("tier-1");
        var card = page.Card(2);
        await Expect(card).ToContainTextAsync("Reported by Uma (end user)");

        // Card buttons: Alice accepts on the card.
        await SaveAsync(browser, "card-buttons");
        await card.Locator(".render-slack button[data-action-id='accept']").ClickAsync();
        await Expect(card).ToContainTextAsync("In progress with Alice");

        // Alice asks Uma something: the line is in the thread and in Uma's DM, once each.
        await page.OpenAsync("dm:alice@demo.local");
        await page.SayAsync("wait INC-000002 Does it drop on the office Wi-Fi too?");
        await Expect(page.Locator("#messages article[data-kind='bot']").Last).ToContainTextAsync("waiting on Uma");
        await page.BeAsync("uma@demo.local");
        await page.OpenAsync("it-help");
        await Expect(thread.Locator("article[data-kind='thread']", new() { HasText = "now owns your ticket" })).ToHaveCountAsync(1);
        await Expect(thread.Locator("article[data-kind='thread']", new() { HasText = "Does it drop on the office Wi-Fi too?" })).ToHaveCountAsync(1);

        // Uma answers in the thread: a note that resumes the ticket; Alice is told.
        await umas.Locator("[data-testid='thread-reply']").ClickAsync();
        await umas.Locator("[data-testid='thread-text']").FillAsync("Yes, on the office Wi-Fi too, not at home");
        await umas.Locator("[data-testid='thread-send']").ClickAsync();
        await Expect(thread.Locator("article[data-kind='bot']").Last).ToContainTextAsync("Note added to INC-000002");
        await Expect(umas.Locator("[data-testid='thread-count']")).ToContainTextAsync("replies");
        await umas.EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await SaveAsync(browser, "threads");
        await page.OpenAsync("dm:uma@demo.local");
        await Expect(page.Locator("#messages article[data-kind='direct']", new() { HasText = "Does it drop on the office Wi-Fi too?" })).ToHaveCountAsync(1);
        await page.BeAsync("alice@demo.local");
        await page.OpenAsync("dm:alice@demo.local");
        await Expect(page.Locator("#messages article[data-kind='direct']").Last).ToContainTextAsync("Resumed: Uma (end user) answered");

        // Closing the thread leaves its count; opening it shows the replies again.
        await page.OpenAsync("it-help");
        await umas.Locator("[data-testid='thread-count']").ClickAsync();
        await Expect(thread).ToHaveCountAsync(0);
        await umas.Locator("[data-testid='thread-count']").ClickAsync();
        await Expect(thread).ToContainTextAsync("Note added to INC-000002");
    }

    /// <summary>The screenshot as a test artefact and, with <c>README_SCREENSHOTS=1</c>, as README's <c>docs/screenshots/{entry}.png</c>.</summary>
    private static async Task SaveAsync(BrowserSession browser, string entry)
    {
        await browser.Page.Locator("#toast").EvaluateAsync("t => t.classList.add('hidden')"); // the picture shows the conversation
        var path = await browser.ScreenshotAsync("entry-" + entry);
        if (Environment.GetEnvironmentVariable("README_SCREENSHOTS") != "1") return;
        var docs = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(docs);
        File.Copy(path, Path.Combine(docs, entry + ".png"), overwrite: true);
    }

    /// <summary>The folder holding <c>ChatEscalation.sln</c>, above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatEscalation.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ChatEscalation.sln not found above " + AppContext.BaseDirectory);
    }
}
