using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>What the engine decided: the new ticket, the audit events, what to tell whom, and the deadlines now pending.</summary>
/// <remarks>
/// <see cref="Deadlines"/> is the complete set of pending deadlines for the ticket (it replaces the stored ones).
/// A decision without events changed nothing (for example a repeated Accept by the owner) and needs no save.
/// <see cref="Reply"/> is what to tell the person who acted; they are never also sent a notification about their own action.
/// </remarks>
public sealed record Decision(
    Ticket Ticket,
    IReadOnlyList<TicketEvent> Events,
    IReadOnlyList<Notification> Notifications,
    IReadOnlyList<Deadline> Deadlines,
    string Reply)
{
    public bool Changed => Events.Count > 0;

    /// <summary>
    /// Commands this decision sets off on other tickets (a link adds the report to its parent; resolving a parent resolves its linked
    /// reports). The shell decides each on its ticket and saves them with this decision in one transaction; a refusal of any refuses all.
    /// </summary>
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];
}
