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

    // Copies for the knowledge search (full-text indexed) and major incidents.
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Resolution { get; set; }
    public string? AffectedService { get; set; }
    /// <summary>The ticket it is linked to as the same problem.</summary>
    public long? ParentNumber { get; set; }
    /// <summary>Distinct people affected: the reporter and every linked report.</summary>
    public int PeopleAffected { get; set; }
    /// <summary>When it was raised or last got a linked report.</summary>
    public DateTimeOffset LastReportAt { get; set; }
    /// <summary>True while the knowledge step has not run on it (its card is held): the intake step's work list.</summary>
    public bool IntakePending { get; set; }
    /// <summary>Resolved by its reporter with a suggestion (deflected): its resolution is no fix to suggest.</summary>
    public bool SelfService { get; set; }
    public bool IsMajorIncident { get; set; }
    /// <summary>The thread it was raised from (<see cref="Core.Tickets.SourceThread.Key"/> on its origin), so a reply there finds it by index; null otherwise.</summary>
    public string? SourceThreadKey { get; set; }
    public int Version { get; set; }
}
