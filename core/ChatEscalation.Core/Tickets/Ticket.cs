using System.Collections.Immutable;
using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;

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
    /// <summary>The channel thread it was raised from (raise from a message), where the reporter's status lines go too; null otherwise.</summary>
    public SourceThread? SourceThread { get; init; }
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

    /// <summary>The knowledge step after the raise; the card is held back from the queue until it is <see cref="IntakeStage.Done"/>.</summary>
    public IntakeStage Intake { get; init; }
    /// <summary>When a held card goes to the queue by itself (the knowledge step did not run, or the reporter did not answer).</summary>
    public DateTimeOffset? IntakeUntil { get; init; }
    /// <summary>The open ticket offered to the reporter as the same problem, while <see cref="Intake"/> is <see cref="IntakeStage.Asking"/>.</summary>
    public long? SimilarTo { get; init; }
    /// <summary>True until the card first goes to a queue: nothing is said in queue channels before (a held or "me too" report has no card).</summary>
    public bool NoCardYet { get; init; }
    /// <summary>What fixed similar problems, offered to the reporter and shown on the Tier 1 card (at most three, best first).</summary>
    public ImmutableList<Suggestion> Suggestions { get; init; } = [];
    /// <summary>True when the reporter resolved it with a suggestion ("This fixed it"): deflected, no technician needed.</summary>
    public bool SelfService { get; init; }
    /// <summary>The ticket this one is linked to as the same problem (status <see cref="TicketStatus.Linked"/>, or resolved with it).</summary>
    public long? ParentNumber { get; init; }
    /// <summary>Other people's reports linked to this ticket, in the order they came.</summary>
    public ImmutableList<AffectedReport> Reports { get; init; } = [];
    /// <summary>Set once, when enough people reported it within the policy's window.</summary>
    public MajorIncident? Major { get; init; }
    /// <summary>The knowledge-base draft the resolution wrote (from the knowledge tier up) and its review.</summary>
    public KnowledgeDraft? Draft { get; init; }

    public string Key => TicketKey.Format(Number);

    public bool IsOpen => Status is TicketStatus.Queued or TicketStatus.Accepted or TicketStatus.WaitingOnUser;

    public bool HasMark(string mark) => Marks.Contains(mark);

    /// <summary>Everybody affected, once each, first report first: the reporter (at the raise), then every linked report's person.</summary>
    public IReadOnlyList<AffectedReport> AffectedPeople()
    {
        var people = new List<AffectedReport> { new(Reporter, Origin, Number, RaisedAt) };
        foreach (var report in Reports)
        {
            if (!people.Any(p => p.Person.Is(report.Person))) people.Add(report);
        }

        return people;
    }

    public Ticket WithMark(string mark) => this with { Marks = Marks.Add(mark) };
}
