using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>What a person does on the emulator page, for the browser tests: who they are, which channel they open, what they type.</summary>
public static class EmulatorPage
{
    /// <summary>Picks who you are in the top bar (and clears the last toast, so the next one is this person's).</summary>
    public static async Task BeAsync(this IPage page, string person)
    {
        await page.SelectOptionAsync("[data-testid='who']", person);
        await page.Locator("#toast").EvaluateAsync("t => t.classList.add('hidden')");
    }

    /// <summary>Opens a channel from the channel list (through the drawer on a narrow screen).</summary>
    public static async Task OpenAsync(this IPage page, string channel)
    {
        if (await page.Locator("[data-testid='toggle-channels']").IsVisibleAsync() && !await page.Locator($"[data-testid='channel-{channel}']").IsVisibleAsync())
            await page.ClickAsync("[data-testid='toggle-channels']");
        await page.ClickAsync($"[data-testid='channel-{channel}']");
        await Expect(page.Locator($"[data-testid='channel-{channel}'].active")).ToHaveCountAsync(1);
    }

    /// <summary>Types <paramref name="text"/> in the composer and sends it.</summary>
    public static async Task SayAsync(this IPage page, string text)
    {
        await page.FillAsync("[data-testid='composer-text']", text);
        await page.ClickAsync("[data-testid='composer-send']");
    }

    /// <summary>The card of ticket <paramref name="number"/> in the open channel.</summary>
    public static ILocator Card(this IPage page, long number) => page.Locator($"#messages article[data-kind='card'][data-ticket='{number}']");
}
