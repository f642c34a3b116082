using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Core.Tests.Engine.Support;

/// <summary>
/// A service desk in a test: one ticket, a policy and a <see cref="FakeTimeProvider"/> that is the only source of <c>now</c>.
/// Commands that must succeed go through <see cref="Do"/>; commands that must be refused through <see cref="Refuse"/>.
/// </summary>
internal sealed class Desk
{
    private Ticket? _ticket;

    public Desk(EscalationPolicy? policy = null, DateTimeOffset? start = null)
    {
        Policy = policy ?? TestPolicy.Default();
        Clock = new FakeTimeProvider(start ?? At.MondayNine);
    }

    public EscalationPolicy Policy { get; }
    public FakeTimeProvider Clock { get; }
    public DateTimeOffset Now => Clock.GetUtcNow();
    public Ticket Ticket => _ticket ?? throw new InvalidOperationException("Raise a ticket first.");
    public Decision Last { get; private set; } = null!;
    /// <summary>Every event of every decision so far, in order.</summary>
    public List<TicketEvent> History { get; } = [];

    public Decision Raise(
        string title = "Printer on floor 3 jams",
        UserRef? reporter = null,
        Impact? impact = null,
        Urgency? urgency = null,
        string? category = null,
        string? service = null,
        string? description = null)
    {
        var outcome = EscalationEngine.Raise(new RaiseTicket(reporter ?? People.Uma, "local", title, description, category, impact, urgency, service), 42, Policy, Now);
        outcome.Refusal.ShouldBeNull();
        return Record(outcome.Decision!);
    }

    /// <summary>Raises ticket 42 with <paramref name="command"/> as given.</summary>
    public Decision Raise(RaiseTicket command)
    {
        var outcome = EscalationEngine.Raise(command, 42, Policy, Now);
        outcome.Refusal.ShouldBeNull();
        return Record(outcome.Decision!);
    }

    /// <summary>Raises a ticket of the given priority through the matrix (no VIP, no critical service).</summary>
    public Decision RaiseP(Priority priority, string title = "Printer on floor 3 jams") => priority switch
    {
        Priority.P1 => Raise(title, impact: Impact.High, urgency: Urgency.High),
        Priority.P2 => Raise(title, impact: Impact.High, urgency: Urgency.Medium),
        Priority.P3 => Raise(title, impact: Impact.Medium, urgency: Urgency.Medium),
        _ => Raise(title, impact: Impact.Low, urgency: Urgency.Low),
    };

    /// <summary>Runs a command that must succeed and keeps its ticket.</summary>
    public Decision Do(TicketCommand command)
    {
        var outcome = EscalationEngine.Decide(Ticket, command, Policy, Now);
        outcome.Refusal.ShouldBeNull();
        return Record(outcome.Decision!);
    }

    /// <summary>Runs a command that must be refused; the ticket stays as it was.</summary>
    public Refusal Refuse(TicketCommand command)
    {
        var outcome = EscalationEngine.Decide(Ticket, command, Policy, Now);
        outcome.IsDecision.ShouldBeFalse($"expected a refusal, got: {outcome.Decision?.Reply}");
        return outcome.Refusal!;
    }

    /// <summary>A P2 payroll ticket raised Friday 18:30 (after hours) opens at Tier 2 and pages Carol, the Tier 2 primary.</summary>
    public static Desk PagingCarol()
    {
        var desk = new Desk(start: At.Utc(2026, 1, 9, 18, 30));
        desk.Raise("Payroll export fails", impact: Impact.High, urgency: Urgency.Medium);
        desk.Ticket.Page.ShouldNotBeNull().Person.ShouldBe("carol@demo.local");
        return desk;
    }

    public Decision Accept(UserRef? who = null) => Do(new AcceptTicket(who ?? People.Alice));

    public Decision Escalate(UserRef who, int? toTier = null) => Do(new EscalateTicket(who, Handoffs.Good, toTier));

    /// <summary>The sweep at the current instant.</summary>
    public Decision Tick() => Record(EscalationEngine.Tick(Ticket, Policy, Now));

    /// <summary>Moves the fake clock forward (never back) and sweeps.</summary>
    public Decision TickAt(DateTimeOffset instant)
    {
        AdvanceTo(instant);
        return Tick();
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void AdvanceTo(DateTimeOffset instant)
    {
        instant.ShouldBeGreaterThanOrEqualTo(Now, "the clock only moves forward");
        Clock.SetUtcNow(instant);
    }

    /// <summary>When the pending deadline of a kind falls due.</summary>
    public DateTimeOffset Due(DeadlineKind kind) => DeadlinePlanner.Plan(Ticket, Policy).Single(d => d.Kind == kind).DueAt;

    public bool HasDeadline(DeadlineKind kind) => DeadlinePlanner.Plan(Ticket, Policy).Any(d => d.Kind == kind);

    private Decision Record(Decision decision)
    {
        _ticket = decision.Ticket;
        Last = decision;
        History.AddRange(decision.Events);
        return decision;
    }
}
