using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>"Yes, same problem": the reporter's new report is linked to the ticket they were offered, with no card of its own.</summary>
    public static Outcome JoinIncident(Ticket t, JoinIncident c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (NoQuestionFor(t, c.Actor, policy) is { } refused) return refused;
        var parent = t.SimilarTo!.Value;

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        LinkTo(b, parent, $"{c.Actor.Name} confirmed it is the same problem as {TicketKey.Format(parent)}: linked as one more person affected.");
        b.Reply($"Thanks: {t.Key} is linked to {TicketKey.Format(parent)}, and you get its updates. No need to raise it again.");
        return b.Build();
    }

    /// <summary>Staff (technicians, leads, managers) link an open ticket to another as the same problem.</summary>
    public static Outcome Link(Ticket t, LinkTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (!policy.IsStaff(c.Actor)) return Outcome.Refuse(RefusalCode.NotAllowed, $"Only the support team can link {t.Key} to another ticket.");
        if (t.Status == TicketStatus.Linked && t.ParentNumber is { } current)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} is already linked to {TicketKey.Format(current)}; unlink it first.");
        if (RequireOpen(t) is { } closed) return closed;
        if (c.Parent == t.Number) return Outcome.Refuse(RefusalCode.InvalidInput, $"{t.Key} cannot be linked to itself.", Forms.FieldNames.Parent);
        if (t.Reports.Count > 0)
            return Outcome.Refuse(RefusalCode.InvalidState,
                $"{t.Key} has reports linked to it ({t.Reports.Count}); link {TicketKey.Format(c.Parent)} to {t.Key} instead, or unlink them first.");

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        LinkTo(b, c.Parent, $"Linked to {TicketKey.Format(c.Parent)} by {c.Actor.Name} as the same problem.");
        b.TellReporter($"{t.Key} update: {c.Actor.Name} linked it to {TicketKey.Format(c.Parent)}, the same problem reported by others. You get {TicketKey.Format(c.Parent)}'s updates from now on.");
        b.Reply($"{t.Key} is linked to {TicketKey.Format(c.Parent)}.");
        return b.Build();
    }

    /// <summary>Staff unlink a linked ticket: it goes back to its tier's queue as its own ticket (its card goes there if it never had one).</summary>
    public static Outcome Unlink(Ticket t, UnlinkTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (!policy.IsStaff(c.Actor)) return Outcome.Refuse(RefusalCode.NotAllowed, $"Only the support team can unlink {t.Key}.");
        if (t.Status != TicketStatus.Linked || t.ParentNumber is not { } parent)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} is not linked to another ticket.");

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with { ParentNumber = null };
        var text = $"Unlinked from {TicketKey.Format(parent)} by {c.Actor.Name}: back in the {policy.TierName(t.Tier)} queue as its own ticket.";
        b.Event(EventKind.Unlinked, text, note: TicketKey.Format(parent));
        OpenInQueue(b);
        b.QueueUpdate(text);
        b.TellReporter($"{t.Key} update: unlinked from {TicketKey.Format(parent)} by {c.Actor.Name}; it is in the {policy.TierName(t.Tier)} queue as its own ticket again.");
        b.FollowUp(parent, new RemoveReport(c.Actor, t.Number));
        b.Reply($"{t.Key} is unlinked from {TicketKey.Format(parent)} and back in the {policy.TierName(t.Tier)} queue.");
        return b.Build();
    }

    /// <summary>
    /// On the parent (a follow-up of a link): one more person affected. When <see cref="MajorIncidentPolicy.Reports"/> distinct people
    /// are affected within <see cref="MajorIncidentPolicy.Window"/> it becomes a major incident (once).
    /// </summary>
    public static Outcome AddReport(Ticket t, AddReport c, EscalationPolicy policy, DateTimeOffset now)
    {
        var parent = t.Key;
        if (t.Status == TicketStatus.Linked && t.ParentNumber is { } grand)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{parent} is itself linked to {TicketKey.Format(grand)}; link to {TicketKey.Format(grand)} instead.", Forms.FieldNames.Parent);
        if (!t.IsOpen)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{parent} is {t.Status.ToString().ToLowerInvariant()}: it takes no more reports.", Forms.FieldNames.Parent);
        if (c.Report.TicketNumber == t.Number) return Outcome.Refuse(RefusalCode.InvalidInput, $"{parent} cannot be linked to itself.", Forms.FieldNames.Parent);
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        if (t.Reports.Any(r => r.TicketNumber == c.Report.TicketNumber)) return b.Build();

        b.Ticket = t with { Reports = t.Reports.Add(c.Report) };
        var people = b.Ticket.AffectedPeople().Count;
        b.Event(EventKind.ReportLinked, $"{c.Report.Person.Name} reported the same problem ({TicketKey.Format(c.Report.TicketNumber)}): {people} people affected.",
            note: TicketKey.Format(c.Report.TicketNumber));
        b.Notify(Notification.Card(Audience.Queue(t.Tier)));
        DeclareIfMajor(b);
        return b.Build();
    }

    /// <summary>On the parent (a follow-up of an unlink): the report of that ticket leaves it. A major incident stays one.</summary>
    public static Outcome RemoveReport(Ticket t, RemoveReport c, EscalationPolicy policy, DateTimeOffset now)
    {
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        if (t.Reports.FirstOrDefault(r => r.TicketNumber == c.TicketNumber) is not { } report) return b.Build();
        b.Ticket = t with { Reports = t.Reports.Remove(report) };
        b.Event(EventKind.ReportUnlinked, $"{TicketKey.Format(c.TicketNumber)} ({report.Person.Name}) was unlinked by {c.Actor.Name}: {b.Ticket.AffectedPeople().Count} people affected.",
            note: TicketKey.Format(c.TicketNumber));
        b.Notify(Notification.Card(Audience.Queue(t.Tier)));
        return b.Build();
    }

    /// <summary>On each linked report (a follow-up of resolving its parent): resolved with the same fix. The parent's broadcast told its reporter.</summary>
    public static Outcome ResolveWithParent(Ticket t, ResolveWithParent c, EscalationPolicy policy, DateTimeOffset now)
    {
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        if (t.Status != TicketStatus.Linked || t.ParentNumber != c.Parent) return b.Build();
        b.Ticket = t with
        {
            Status = TicketStatus.Resolved,
            ResolvedAt = now,
            Resolution = c.Resolution,
            Page = null,
            HeldUntil = null,
        };
        var text = $"Resolved with {TicketKey.Format(c.Parent)} by {c.Actor.Name}.";
        b.Event(EventKind.ResolvedWithParent, text, note: c.Resolution);
        b.QueueUpdate(text);
        return b.Build();
    }

    /// <summary>Makes the ticket a linked report of <paramref name="parent"/>: no queue work of its own, clocks stopped, the parent told.</summary>
    private static void LinkTo(DecisionBuilder b, long parent, string text)
    {
        var t = b.Ticket;
        b.Ticket = t with
        {
            Status = TicketStatus.Linked,
            ParentNumber = parent,
            Intake = IntakeStage.Done,
            IntakeUntil = null,
            SimilarTo = null,
            Page = null,
            HeldUntil = null,
            Sla = SlaMath.Pause(t.Sla, b.Now),
            TierClock = SlaMath.Pause(t.TierClock, b.Now),
        };
        b.Event(EventKind.Linked, text, note: TicketKey.Format(parent));
        b.QueueUpdate($"Linked to {TicketKey.Format(parent)}: updates and the fix come from there.");
        b.FollowUp(parent, new AddReport(b.Actor, new AffectedReport(t.Reporter, t.Origin, t.Number, b.Now)));
    }

    /// <summary>
    /// Once: enough people affected within the window make a major incident. Its priority is raised (never lowered) with the reason in
    /// words, it moves up to the tier the policy names (with an automatic handoff note), the managers are told once, and after hours
    /// the on-call person is paged when nobody owns it.
    /// </summary>
    private static void DeclareIfMajor(DecisionBuilder b)
    {
        var t = b.Ticket;
        var rules = b.Policy.MajorIncident;
        if (t.Major is not null) return;
        var recent = t.AffectedPeople().Where(p => p.At >= b.Now - rules.Window).ToList();
        if (recent.Count < rules.Reports) return;

        var span = DurationText.Humanize(b.Now - recent.Min(p => p.At));
        var priority = rules.Priority < t.Priority ? rules.Priority : t.Priority;
        var reason = $"{priority}: {recent.Count} people affected in {span}" + (priority != t.Priority ? $" (raised from {t.Priority})" : "");
        b.Ticket = t with
        {
            Major = new MajorIncident(b.Now, recent.Count, reason),
            Priority = priority,
            Terms = priority != t.Priority ? b.Policy.Terms[priority] : t.Terms,
            RoutingReason = reason,
            ManagerEngaged = true,
        };
        b.Event(EventKind.MajorIncident, $"Major incident: {reason}.", note: reason);
        var target = rules.OpenAtTier is { } tier && tier > t.Tier ? tier : t.Tier;
        b.Notify(Notification.Alert(Audience.Managers,
            $"Major incident: {t.Key} \"{t.Title}\": {recent.Count} people affected in {span}. Now {reason.Split(':')[0]} at {b.Policy.TierName(target)}; owner: {(target == t.Tier ? t.Owner?.Name ?? "nobody yet" : "nobody yet")}.",
            urgent: true, TicketActions.TakeOver, TicketActions.Reassign));
        if (target > t.Tier)
        {
            var note = new HandoffNote(
                Tried: t.LastNote is { } last ? $"Last note at {b.Policy.TierName(t.Tier)}: {last}" : $"Nothing was recorded at {b.Policy.TierName(t.Tier)}.",
                Outcome: $"Major incident: {recent.Count} people affected in {span}.",
                Needs: $"{b.Policy.TierName(target)} to handle the outage: \"{t.Title}\" ({t.Category}).");
            MoveUp(b, target, note, EventKind.AutoEscalated, $"Moved from {b.Policy.TierName(t.Tier)} to {b.Policy.TierName(target)}: major incident ({recent.Count} people affected in {span}).");
            return;
        }

        b.QueueUpdate($"Major incident: {reason}.");
        if (IsAfterHours(b) && b.Ticket.Terms.PageAfterHours && b.Ticket.Owner is null && b.Ticket.Page is null) StartPage(b, b.Ticket.Tier);
        b.Broadcast($"{t.Key} update: {recent.Count} people have reported this problem; it is now handled as a major incident ({priority}).");
    }
}
