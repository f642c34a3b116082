using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Events;

/// <summary>One line of a ticket's append-only audit trail: who did what, when, with the handoff or resolution note.</summary>
/// <param name="Text">A sentence a person reads in the audit trail.</param>
/// <param name="FromTier">The tier before the change, when the change moved the ticket.</param>
/// <param name="Late">How late a time-based event fired (after downtime), when it did.</param>
public sealed record TicketEvent(
    EventKind Kind,
    DateTimeOffset At,
    UserRef Actor,
    string Text,
    int Tier,
    int? FromTier = null,
    HandoffNote? Handoff = null,
    string? Note = null,
    TimeSpan? Late = null);
