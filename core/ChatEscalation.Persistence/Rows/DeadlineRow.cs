using ChatEscalation.Core.Deadlines;

namespace ChatEscalation.Persistence.Rows;

/// <summary>A pending deadline of a ticket: the index the sweep reads (<c>DueAt &lt;= now</c>).</summary>
/// <remarks>Made the decision's set whenever a decision about the ticket is saved (rows it keeps unchanged stay, the rest are replaced). <see cref="ClaimedUntil"/> is a sweeper's lease (SQLite).</remarks>
public sealed class DeadlineRow
{
    public long Id { get; set; }
    public long TicketNumber { get; set; }
    public DeadlineKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int Tier { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}
