using System.Collections.Immutable;

namespace ChatEscalation.Core.Tickets;

/// <summary>The ticket aggregate: an immutable value the engine reads and returns a new copy of.</summary>
/// <remarks>All instants are UTC. <see cref="Version"/> is incremented by the engine on every change and used by persistence as an optimistic-concurrency token.</remarks>
public sealed record Ticket
{
    public required long Number { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public required string Category { get; init; }
    public Impact Impact { get; init; } = Impact.Medium;
    public Urgency Urgency { get; init; } = Urgency.Medium;
    public required Priority Priority { get; init; }
    /// <summary>Why the ticket got its priority and tier, in words a user reads on the card.</summary>
    public required string RoutingReason { get; init; }
    public required UserRef Reporter { get; init; }
    /// <summary>Where the reporter raised it: <c>slack</c>, <c>teams</c> or <c>local</c>; status updates go back there.</summary>
    public required string Origin { get; init; }
    public string? AffectedService { get; init; }
    public bool IsVip { get; init; }
    public bool IsCriticalService { get; init; }

    public required int Tier { get; init; }
    public UserRef? Owner { get; init; }
    public required TicketStatus Status { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }
    /// <summary>When the ticket entered its current tier.</summary>
    public required DateTimeOffset TierEnteredAt { get; init; }
    /// <summary>When the acceptance window at the current tier started (reset by the queue reminder).</summary>
    public required DateTimeOffset QueuedSince { get; init; }
    public DateTimeOffset? FirstAcceptedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    public required SlaTerms Terms { get; init; }
    /// <summary>Resolution clock since the ticket was raised.</summary>
    public required BusinessClock Sla { get; init; }
    /// <summary>Clock since the ticket entered its tier (the functional trigger counts on it).</summary>
    public required BusinessClock TierClock { get; init; }

    public HandoffNote? LastHandoff { get; init; }
    /// <summary>The latest work note recorded at the current tier; an automatic handoff quotes it.</summary>
    public string? LastNote { get; init; }
    public string? Resolution { get; init; }
    public VendorCase? Vendor { get; init; }
    public ActivePage? Page { get; init; }
    /// <summary>True when the ticket waits for the next on-call shift because nobody covered its tier.</summary>
    public DateTimeOffset? HeldUntil { get; init; }

    /// <summary>How many times the queue was reminded at the current tier.</summary>
    public int QueueReminders { get; init; }
    public int EscalationCount { get; init; }
    public int ReopenCount { get; init; }
    /// <summary>Highest tier the ticket ever reached; a later escalation back up to it is a repeat escalation.</summary>
    public int HighestTier { get; init; }
    public bool ManagerEngaged { get; init; }
    /// <summary>SLA warnings already given, so each fires once: <c>warn:T2</c>, <c>manager</c>, <c>breach</c>, <c>vendor-respond</c> …</summary>
    public ImmutableSortedSet<string> Marks { get; init; } = ImmutableSortedSet<string>.Empty;
    public int Version { get; init; }
    /// <summary>When the engine last changed this ticket (the <c>now</c> of that decision); null for a ticket stored before it was recorded.</summary>
    /// <remarks>Nothing falls due before it: a deadline the decision arms in the past (a threshold at a new tier, the trigger of a
    /// raised priority) is due at this instant, so the sweep does not call it late.</remarks>
    public DateTimeOffset? DecidedAt { get; init; }

    public string Key => TicketKey.Format(Number);

    public bool IsOpen => Status is TicketStatus.Queued or TicketStatus.Accepted or TicketStatus.WaitingOnUser;

    public bool HasMark(string mark) => Marks.Contains(mark);

    public Ticket WithMark(string mark) => this with { Marks = Marks.Add(mark) };
}
