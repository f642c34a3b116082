namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>
/// What the official <c>adaptivecards</c> JavaScript renderer made of one card (see tests/js/validate-card.js).
/// </summary>
/// <param name="Source">The file path, or <c>#index</c> for cards passed on stdin.</param>
/// <param name="Errors">Events that make the card wrong for a 1.5 host (unknown types, missing ids, 1.6-only values…).</param>
/// <param name="Warnings">Other events (missing labels on required inputs, deprecations, hints).</param>
/// <param name="Rendered">True when <c>card.render()</c> produced an HTML element.</param>
/// <param name="RenderError">The exception message when rendering threw; null otherwise.</param>
/// <param name="Html">The rendered outer HTML, or null when nothing was rendered.</param>
public sealed record OfficialRendererResult(
    string Source,
    IReadOnlyList<RendererEvent> Errors,
    IReadOnlyList<RendererEvent> Warnings,
    bool Rendered,
    string? RenderError,
    string? Html)
{
    /// <summary>True when the card parsed without errors and rendered.</summary>
    public bool IsClean => Errors.Count == 0 && Rendered && RenderError is null;
}
