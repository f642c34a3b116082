using System.Globalization;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Managers: move the ticket to another tier and/or owner, with a recorded reason.</summary>
public sealed record ReassignTicket(UserRef Actor, string Reason, int? ToTier = null, UserRef? ToOwner = null) : TicketCommand(Actor)
{
    /// <summary>
    /// The command from a reassign form's three fields as typed or chosen (tier number, the person's e-mail key, reason).
    /// Empty fields mean "not chosen"; a tier that is not a number counts as not chosen, so the engine asks for a choice.
    /// The engine takes the person's name from the policy.
    /// </summary>
    public static ReassignTicket FromForm(UserRef actor, string? tier, string? owner, string? reason)
    {
        int? toTier = int.TryParse(tier?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null;
        var key = owner?.Trim() ?? "";
        return new ReassignTicket(actor, reason?.Trim() ?? "", toTier, key.Length == 0 ? null : new UserRef(key.ToLowerInvariant(), key));
    }
}
