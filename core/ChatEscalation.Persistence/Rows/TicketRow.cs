using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Persistence.Rows;

/// <summary>One ticket: the queryable columns, and <see cref="State"/>, the whole <see cref="Ticket"/> as JSON.</summary>
/// <remarks>
/// <see cref="State"/> is the source of truth; the other columns are copies kept for queries and reports.
/// <see cref="Version"/> is incremented by the engine and checked on every update (optimistic concurrency).
/// </remarks>
public sealed class TicketRow
{
    public long Number { get; set; }
    public TicketStatus Status { get; set; }
    public int Tier { get; set; }
    public Priority Priority { get; set; }
    public string Category { get; set; } = "";
    public string? OwnerKey { get; set; }
    public string ReporterKey { get; set; } = "";
    public string Origin { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? FirstAcceptedAt { get; set; }
    public int EscalationCount { get; set; }
    public int ReopenCount { get; set; }
    public bool IsVip { get; set; }
    public string State { get; set; } = "";
    public int Version { get; set; }
}
