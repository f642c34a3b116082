using ChatEscalation.Core.Deadlines;

namespace ChatEscalation.Persistence.Rows;

/// <summary>A ticket's earliest pending deadline: the index the sweep reads (<c>DueAt &lt;= now</c>); one row per ticket with anything pending.</summary>
/// <remarks>Rewritten whenever a decision about the ticket is saved (see <c>DecisionWriter</c>); the tick it wakes plans every deadline from
/// the ticket's state. A database written before 2026-12-05 may still hold a row per deadline until the ticket's next decision, which
/// the sweep handles the same way. <see cref="ClaimedUntil"/> is a sweeper's lease (SQLite).</remarks>
public sealed class DeadlineRow
{
    public long Id { get; set; }
    public long TicketNumber { get; set; }
    public DeadlineKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int Tier { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}
