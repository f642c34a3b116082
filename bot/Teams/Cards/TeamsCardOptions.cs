using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Forms;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>What the renderer needs beyond the view: where the ticket page lives, how to @mention people, who gets automatic refresh.</summary>
/// <param name="PublicBaseUrl">Base URL of the bot's web pages; long texts link to <c>{PublicBaseUrl}/tickets/{number}</c>. Null: no links.</param>
/// <param name="MentionFor">Resolves a person to a Teams mention; null (or a null answer) writes the plain name.</param>
/// <param name="Mentioned">Extra people to @mention under the header (e.g. the managers on an alert).</param>
/// <param name="RefreshUserIds">Teams user ids (<c>29:…</c>) whose clients refresh the card to their own view; at most 60 are kept.</param>
/// <param name="Forms">The forms the card's buttons open (<see cref="ChatEscalation.Core.Forms.TicketForms.ForAll"/>), by action; a button whose
/// action has a form but no definition here is left out.</param>
public sealed record TeamsCardOptions(
    string? PublicBaseUrl = null,
    Func<UserRef, TeamsMention?>? MentionFor = null,
    IReadOnlyList<UserRef>? Mentioned = null,
    IReadOnlyList<string>? RefreshUserIds = null,
    IReadOnlyDictionary<string, FormDefinition>? Forms = null)
{
    /// <summary>No links, no mentions, no refresh.</summary>
    public static TeamsCardOptions Plain { get; } = new();

    /// <summary>The ticket page for <paramref name="number"/>, or null without a base URL.</summary>
    public string? TicketUrl(long number) =>
        string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : $"{PublicBaseUrl.TrimEnd('/')}/tickets/{number}";
}
