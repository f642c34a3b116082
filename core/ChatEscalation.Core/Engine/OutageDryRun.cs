using System.Globalization;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>
/// The dry run of an outage ("50 reports in 20 minutes"): the first report is raised and queued, each later one (from a different
/// person, evenly spread) is offered the first as the same problem and says yes, so it is linked with no card of its own; the first
/// ticket's deadlines fire in between. The same engine code as the real run, with the clock moved from report to report and deadline
/// to deadline, and nobody acting on the tickets.
/// </summary>
/// <remarks>
/// The timeline has every event and message of the first ticket (a message to many people is one line saying how many), one line per
/// linked report, and goes on after the last report until <c>horizon</c> (default: the first ticket's resolution target, three times, plus two days).
/// </remarks>
public static class OutageDryRun
{
    /// <summary>Most reports simulated.</summary>
    public const int MaxReports = 1000;

    public static IReadOnlyList<TimelineEntry> Simulate(RaiseTicket report, int reports, TimeSpan over, DateTimeOffset start, EscalationPolicy policy,
        TimeSpan? horizon = null, int maxSteps = 400)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(policy);
        reports = Math.Clamp(reports, 1, MaxReports);
        var entries = new List<TimelineEntry>();
        var raised = EscalationEngine.Raise(report with { AwaitKnowledge = true }, 1, policy, start);
        if (!raised.IsDecision)
        {
            entries.Add(new TimelineEntry(start, TimeSpan.Zero, raised.Refusal.Reason, null, null, null));
            return entries;
        }

        var parent = Record(entries, raised.Decision, start, start);
        parent = Record(entries, Decide(parent, new CompleteIntake(UserRef.System, IntakeFindings.None), policy, start), start, start);
        var steps = 0;
        for (var i = 2; i <= reports; i++)
        {
            var at = start + over * (i - 1) / Math.Max(1, reports - 1);
            parent = TickUntil(entries, parent, at, start, policy, ref steps, maxSteps);
            var person = new UserRef($"reporter{i.ToString(CultureInfo.InvariantCulture)}@outage.example", $"Reporter {i.ToString(CultureInfo.InvariantCulture)}");
            var child = EscalationEngine.Raise(report with { Reporter = person, AwaitKnowledge = true }, i, policy, at);
            if (!child.IsDecision) break;
            var similar = new SimilarTicket(parent.Number, parent.Title, parent.Category, parent.AffectedService, parent.AffectedPeople().Count, LastReportAt(parent));
            var offered = Decide(child.Decision.Ticket, new CompleteIntake(UserRef.System, new IntakeFindings([], [similar])), policy, at);
            if (offered.Ticket.Intake != IntakeStage.Asking)
            {
                entries.Add(new TimelineEntry(at, at - start, $"Report {i} from {person.Name}: {offered.Ticket.Key} goes to the queue as its own ticket ({parent.Key} is {parent.Status.ToString().ToLowerInvariant()}).", null, null, null));
                continue;
            }

            var joined = Decide(offered.Ticket, new JoinIncident(person), policy, at);
            entries.Add(new TimelineEntry(at, at - start, $"Report {i} from {person.Name}: {joined.Ticket.Key} linked to {parent.Key} (no card of its own).", null, null, null));
            foreach (var followUp in joined.FollowUps.Where(f => f.TicketNumber == parent.Number))
                parent = Record(entries, Decide(parent, followUp.Command, policy, at), at, start);
        }

        var end = start + (horizon ?? parent.Terms.ResolveWithin * 3 + TimeSpan.FromDays(2));
        TickUntil(entries, parent, end, start, policy, ref steps, maxSteps);
        return entries;
    }

    private static Ticket TickUntil(List<TimelineEntry> entries, Ticket ticket, DateTimeOffset until, DateTimeOffset start, EscalationPolicy policy, ref int steps, int maxSteps)
    {
        while (steps < maxSteps && DeadlinePlanner.Next(ticket, policy) is { } next && next.DueAt <= until)
        {
            steps++;
            ticket = Record(entries, EscalationEngine.Tick(ticket, policy, next.DueAt), next.DueAt, start);
        }

        return ticket;
    }

    private static Decision Decide(Ticket ticket, TicketCommand command, EscalationPolicy policy, DateTimeOffset at)
    {
        var outcome = EscalationEngine.Decide(ticket, command, policy, at);
        return outcome.IsDecision ? outcome.Decision : new Decision(ticket, [], [], DeadlinePlanner.Plan(ticket, policy), outcome.Refusal.Reason);
    }

    private static DateTimeOffset LastReportAt(Ticket t) => t.Reports.Count == 0 ? t.RaisedAt : t.Reports[^1].At;

    /// <summary>Adds the decision's events and messages (not card updates); the same text to several people is one line.</summary>
    private static Ticket Record(List<TimelineEntry> entries, Decision decision, DateTimeOffset at, DateTimeOffset start)
    {
        foreach (var e in decision.Events) entries.Add(new TimelineEntry(at, at - start, e.Text, e.Kind, null, null));
        foreach (var group in decision.Notifications.Where(n => n.Kind != NotificationKind.Card).GroupBy(n => (n.Kind, n.Text)))
        {
            var first = group.First();
            var count = group.Count();
            var text = count > 1 && first.To.Kind == AudienceKind.Person ? $"{first.Text} (to {count} people)" : first.Text;
            entries.Add(new TimelineEntry(at, at - start, text, null, first.To, first.Kind));
        }

        return decision.Ticket;
    }
}
