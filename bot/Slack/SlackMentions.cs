using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Slack;

/// <summary>
/// Whom a Slack message mentions: each person it addresses (<see cref="Core.Views.TicketCopies.Addressed"/>) as <c>&lt;@U…&gt;</c> when
/// their Slack user id is known, else by name (escaped, so it never forms markup), and a tier's user group as <c>&lt;!subteam^S…&gt;</c>.
/// </summary>
/// <remarks>
/// Only ids the bot got from Slack (a user id) or the validated policy (a group id) are written as markup: user text can never form a
/// mention, because every other text is escaped (<see cref="SlackText.Escape"/>).
/// </remarks>
public sealed record SlackMentions(IReadOnlyList<(UserRef Person, string? UserId)> People, string? UserGroup = null)
{
    /// <summary>Nobody.</summary>
    public static SlackMentions None { get; } = new([]);

    /// <summary>True when it mentions nobody.</summary>
    public bool IsEmpty => People.Count == 0 && UserGroup is null;

    /// <summary>The mention of <paramref name="person"/> (<c>&lt;@U…&gt;</c>) when addressed and known on Slack, else null.</summary>
    public string? TokenFor(UserRef? person) =>
        person is null ? null : People.Where(p => p.Person.Is(person) && p.UserId is not null).Select(p => $"<@{p.UserId}>").FirstOrDefault();

    /// <summary>Everyone mentioned, as mrkdwn (<c>&lt;@U1&gt;, Dave, &lt;!subteam^S1&gt;</c>), leaving out <paramref name="except"/>.</summary>
    public string Line(UserRef? except = null)
    {
        var parts = People.Where(p => !p.Person.Is(except)).Select(p => p.UserId is { } id ? $"<@{id}>" : SlackText.Escape(p.Person.Name)).ToList();
        if (UserGroup is { } group) parts.Add($"<!subteam^{group}>");
        return string.Join(", ", parts);
    }

    /// <summary>True for a Slack user id (<c>U…</c> or <c>W…</c>, upper-case letters and digits): only such ids are written as mentions.</summary>
    public static bool IsUserId(string? id) =>
        id is { Length: > 1 } && id[0] is 'U' or 'W' && id.Skip(1).All(c => c is >= 'A' and <= 'Z' or >= '0' and <= '9');
}
