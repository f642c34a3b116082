using ChatEscalation.Core.Notifications;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>
/// Maps the engine's button ids (<see cref="TicketActions"/>) to the <c>Action.Execute</c> verbs the Teams cards carry and back.
/// </summary>
/// <remarks>Verbs are camelCase (<c>escalateManager</c>); <see cref="Refresh"/> is the card's automatic refresh and <see cref="Raise"/> the raise form.</remarks>
public static class TeamsVerbs
{
    /// <summary>The verb of the card-level <c>refresh</c> action (user-specific views).</summary>
    public const string Refresh = "refreshCard";

    /// <summary>The verb of the "raise a ticket" form.</summary>
    public const string Raise = "raise";

    private static readonly Dictionary<string, string> ToVerbMap = new(StringComparer.Ordinal)
    {
        [TicketActions.Accept] = "accept",
        [TicketActions.Escalate] = "escalate",
        [TicketActions.EscalateManager] = "escalateManager",
        [TicketActions.Resolve] = "resolve",
        [TicketActions.AckPage] = "ackPage",
        [TicketActions.TakeOver] = "takeOver",
        [TicketActions.Reopen] = "reopen",
        [TicketActions.Reassign] = "reassign",
    };

    private static readonly Dictionary<string, string> FromVerbMap =
        ToVerbMap.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The verb for an action id, or null when Teams cards do not offer that action.</summary>
    public static string? ToVerb(string actionId) => ToVerbMap.GetValueOrDefault(actionId);

    /// <summary>The action id for a verb (case-insensitive), or null for an unknown verb.</summary>
    public static string? ToAction(string? verb) => verb is null ? null : FromVerbMap.GetValueOrDefault(verb);
}
