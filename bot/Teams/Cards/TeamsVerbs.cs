using System.Text;
using ChatEscalation.Core.Notifications;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>
/// The <c>Action.Execute</c> verb of each engine action id (<see cref="TicketActions"/>) and back: the id in camelCase
/// (<c>escalate_manager</c> ↔ <c>escalateManager</c>), so a new action needs no entry here.
/// </summary>
/// <remarks><see cref="Refresh"/> is the card's automatic refresh, not an engine action.</remarks>
public static class TeamsVerbs
{
    /// <summary>The verb of the card-level <c>refresh</c> action (user-specific views).</summary>
    public const string Refresh = "refreshCard";

    /// <summary>The verb of the "raise a ticket" form.</summary>
    public static string Raise => ToVerb(TicketActions.Raise);

    /// <summary>The verb for an action id: <c>ack_page</c> → <c>ackPage</c>.</summary>
    public static string ToVerb(string actionId)
    {
        var verb = new StringBuilder(actionId.Length);
        var upper = false;
        foreach (var c in actionId)
        {
            if (c == '_') upper = true;
            else
            {
                verb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
        }

        return verb.ToString();
    }

    /// <summary>The action id for a verb (any case of the first letter): <c>ackPage</c> → <c>ack_page</c>; null for none.</summary>
    public static string? ToAction(string? verb)
    {
        if (string.IsNullOrWhiteSpace(verb)) return null;
        var action = new StringBuilder(verb.Length + 4);
        for (var i = 0; i < verb.Length; i++)
        {
            var c = verb[i];
            if (char.IsUpper(c) && i > 0) action.Append('_');
            action.Append(char.ToLowerInvariant(c));
        }

        return action.ToString();
    }
}
