using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>The what-if page: the question and the filters in the address (a link shares the view), a P2 from a VIP simulated as P1, and print.</summary>
[Trait("Category", "Browser")]
public sealed class WhatIfPageTests
{
    [Fact]
    public async Task WhatIf_SharedAddress_SameQuestionFiltersAndAPrintableSummary()
    {
        await using var host = await EmulatorHost.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.Zero)));
        await using var browser = await BrowserSession.StartAsync(1440, 900);
        var page = browser.Page;

        await page.GotoAsync(host.BaseUrl + "/whatif?title=Laptop+will+not+boot&priority=P2&reporter=victor%40demo.local&day=Saturday&time=02%3A00&show=page");
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);

        await Expect(page.Locator("[data-testid='whatif-note']")).ToHaveTextAsync("A P2 from Victor (CFO, VIP) is simulated as the P1 it becomes: VIP reporter (raised from P2).");
        await Expect(page.Locator("[data-testid='headline']")).ToContainTextAsync("P1 from Victor (CFO, VIP), raised Sat 14 Mar 02:00");
        await Expect(page.Locator("[data-testid='filter-page']")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid='filter-message']")).Not.ToBeCheckedAsync();
        var lines = page.Locator("[data-testid='line']");
        (await lines.CountAsync()).ShouldBeGreaterThan(10);
        (await lines.EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.topic)")).ShouldAllBe(t => t == "page");
        (await page.Locator("[data-testid='day']").AllInnerTextsAsync()).First().ShouldBe("Saturday 14 March 2026");
        (await page.Locator("[data-testid='whatif-timeline']").InnerTextAsync()).ShouldNotContain("@demo.local");

        // Ticking a filter puts it in the address; the address alone brings the same view back.
        await page.CheckAsync("[data-testid='filter-warning']");
        page.Url.ShouldContain("show=page%2Cwarning");
        await page.GotoAsync(page.Url);
        await Expect(page.Locator("body[data-loaded='true']")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid='filter-warning']")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid='line'][data-topic='warning']").First).ToBeVisibleAsync();

        // Printed: the summary and the timeline, not the form or the filters.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("[data-testid='question']")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='filters']")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='whatif-summary']")).ToBeVisibleAsync();
        Directory.CreateDirectory(BrowserSession.ScreenshotFolder);
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "whatif-print.pdf") });
    }
}
