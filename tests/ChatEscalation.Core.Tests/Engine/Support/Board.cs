using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Core.Tests.Engine.Support;

/// <summary>
/// Several tickets in a test, kept as the shell keeps them: a command's follow-ups are decided on their tickets and all of it is kept
/// together, or nothing is when any of them is refused. Tickets are raised as the shell raises them (the card waits for the intake).
/// </summary>
internal sealed class Board
{
    private readonly Dictionary<long, Ticket> _tickets = [];
    private long _next = 40;

    public Board(EscalationPolicy? policy = null, DateTimeOffset? start = null)
    {
        Policy = policy ?? TestPolicy.Default();
        Clock = new FakeTimeProvider(start ?? At.MondayNine);
    }

    public EscalationPolicy Policy { get; }
    public FakeTimeProvider Clock { get; }
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>The decisions of the last operation: the command's first, then its follow-ups in order.</summary>
    public IReadOnlyList<Decision> Last { get; private set; } = [];

    public Ticket this[long number] => _tickets[number];

    /// <summary>Raises a ticket whose card waits for the knowledge step; returns its number.</summary>
    public long Raise(string title, UserRef reporter, string origin = "local", string? service = null)
    {
        var outcome = EscalationEngine.Raise(new RaiseTicket(reporter, origin, title, AffectedService: service, AwaitKnowledge: true), ++_next, Policy, Now);
        outcome.Refusal.ShouldBeNull();
        Keep([outcome.Decision!]);
        return _next;
    }

    /// <summary>Raises and completes the intake with nothing found: the card goes to the queue.</summary>
    public long RaiseQueued(string title, UserRef reporter, string origin = "local", string? service = null)
    {
        var number = Raise(title, reporter, origin, service);
        Intake(number, IntakeFindings.None);
        return number;
    }

    /// <summary>A new report from <paramref name="reporter"/> that is offered <paramref name="parent"/> and answers "Yes, same problem".</summary>
    public long ReportSameAs(long parent, UserRef reporter, string title = "VPN drops every 10 minutes", string origin = "local")
    {
        var number = Raise(title, reporter, origin);
        Intake(number, new IntakeFindings([], [Similar(parent)]));
        this[number].Intake.ShouldBe(IntakeStage.Asking);
        Do(number, new JoinIncident(reporter));
        return number;
    }

    public IReadOnlyList<Decision> Intake(long number, IntakeFindings findings) => Do(number, new CompleteIntake(UserRef.System, findings));

    /// <summary>Runs a command that must succeed, with its follow-ups.</summary>
    public IReadOnlyList<Decision> Do(long number, TicketCommand command)
    {
        var (decisions, refusal) = Decide(number, command);
        refusal.ShouldBeNull();
        Keep(decisions);
        return decisions;
    }

    /// <summary>Runs a command that must be refused (by itself or by a follow-up); nothing changes.</summary>
    public Refusal Refuse(long number, TicketCommand command)
    {
        var (_, refusal) = Decide(number, command);
        refusal.ShouldNotBeNull();
        return refusal;
    }

    /// <summary>The sweep on one ticket at the current instant.</summary>
    public Decision Tick(long number)
    {
        var decision = EscalationEngine.Tick(this[number], Policy, Now);
        Keep([decision]);
        return decision;
    }

    /// <summary>Ticket <paramref name="number"/> as the search reports an open ticket.</summary>
    public SimilarTicket Similar(long number)
    {
        var t = this[number];
        return new SimilarTicket(t.Number, t.Title, t.Category, t.AffectedService, t.AffectedPeople().Count, t.Reports.Count == 0 ? t.RaisedAt : t.Reports[^1].At);
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    private (List<Decision>, Refusal?) Decide(long number, TicketCommand command)
    {
        var decisions = new List<Decision>();
        var pending = new Queue<(long, TicketCommand)>([(number, command)]);
        var state = new Dictionary<long, Ticket>(_tickets);
        while (pending.TryDequeue(out var next))
        {
            if (!state.TryGetValue(next.Item1, out var ticket)) return (decisions, new Refusal(RefusalCode.InvalidInput, $"{TicketKey.Format(next.Item1)} does not exist."));
            var outcome = EscalationEngine.Decide(ticket, next.Item2, Policy, Now);
            if (!outcome.IsDecision) return (decisions, outcome.Refusal);
            decisions.Add(outcome.Decision);
            state[next.Item1] = outcome.Decision.Ticket;
            foreach (var f in outcome.Decision.FollowUps) pending.Enqueue((f.TicketNumber, f.Command));
        }

        return (decisions, null);
    }

    private void Keep(IReadOnlyList<Decision> decisions)
    {
        foreach (var d in decisions) _tickets[d.Ticket.Number] = d.Ticket;
        Last = decisions;
    }
}
