using ChatEscalation.Core.Events;

namespace ChatEscalation.Persistence.Rows;

/// <summary>One line of the append-only audit trail; rows are inserted, never updated.</summary>
/// <remarks><see cref="Handoff"/> is the <see cref="Core.Tickets.HandoffNote"/> as JSON, when the event carried one.</remarks>
public sealed class TicketEventRow
{
    public long Id { get; set; }
    public long TicketNumber { get; set; }
    public EventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorKey { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string Text { get; set; } = "";
    public int Tier { get; set; }
    public int? FromTier { get; set; }
    public string? Handoff { get; set; }
    public string? Note { get; set; }
    public TimeSpan? Late { get; set; }
}
