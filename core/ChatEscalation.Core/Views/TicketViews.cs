using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>Builds the channel-neutral views of a ticket.</summary>
public static class TicketViews
{
    /// <param name="shownInQueue">The tier whose queue channel shows this card; a card left behind in an earlier tier's queue
    /// says where the ticket went (or how it ended there) and never offers buttons: they belong to the current tier's card.</param>
    public static TicketCardView Card(Ticket t, EscalationPolicy policy, DateTimeOffset now, int? shownInQueue = null)
    {
        var (state, text, due) = Sla(t, policy, now);
        var status = t.Status switch
        {
            TicketStatus.Queued when t.HeldUntil is not null => $"Held for the next on-call shift ({policy.TierName(t.Tier)})",
            TicketStatus.Queued => $"Waiting for a {policy.TierName(t.Tier)} technician to accept",
            TicketStatus.Accepted when t.Vendor is { } v => $"With {t.Owner?.Name}; waiting on {v.Vendor} (case {v.ExternalCaseId})",
            TicketStatus.Accepted => $"In progress with {t.Owner?.Name}",
            TicketStatus.WaitingOnUser => $"Waiting on {t.Reporter.Name} (SLA paused)",
            TicketStatus.Resolved => $"Resolved by {t.Owner?.Name}",
            TicketStatus.Closed => "Closed",
            _ => "Cancelled",
        };
        var paging = t.Page is { } p
            ? p.Person is null ? $"Paging the managers (page {p.Attempt})" : $"Paging {policy.Person(p.Person).Name} (page {p.Attempt})"
            : null;
        // No label twice: the priority is shown beside the reason ("P2 · VIP reporter …", not "P2 · P2: VIP reporter …"), and a
        // service named like the category ("Payroll") is not repeated after it.
        var service = string.Equals(t.AffectedService?.Trim(), t.Category, StringComparison.OrdinalIgnoreCase) ? null : t.AffectedService;
        var view = new TicketCardView(t.Key, t.Number, t.Title, t.Description, t.Category, t.Priority, ReasonWithoutPriority(t), t.Tier, policy.TierName(t.Tier),
            t.Reporter, t.Owner, t.Status, status, service, t.IsVip, t.IsCriticalService, due, state, text,
            t.LastHandoff, t.Resolution, t.Vendor, paging, CardActions(t, policy), t.Version);
        if (shownInQueue is { } queue && queue != t.Tier)
            return view with { StatusText = t.IsOpen ? $"Moved to {policy.TierName(t.Tier)}: {status}" : $"At {policy.TierName(t.Tier)}: {status}", Actions = [] };
        return view;
    }

    /// <summary>Why the ticket has its priority, without the priority itself: "VIP reporter (raised from P3)" for "P2: VIP reporter (raised from P3)".</summary>
    public static string ReasonWithoutPriority(Ticket t)
    {
        var prefix = $"{t.Priority}: ";
        return t.RoutingReason.StartsWith(prefix, StringComparison.Ordinal) ? t.RoutingReason[prefix.Length..] : t.RoutingReason;
    }

    /// <summary>
    /// The buttons a card offers to everyone in a channel; the engine still checks who presses them. Escalate is not offered at the
    /// policy's last tier (it could only be refused, after the whole handoff form).
    /// </summary>
    public static IReadOnlyList<string> CardActions(Ticket t, EscalationPolicy policy) =>
        t.Tier < policy.MaxTier ? ByStatus(t) : ByStatus(t).Where(a => a != TicketActions.Escalate).ToList();

    private static IReadOnlyList<string> ByStatus(Ticket t) => t.Status switch
    {
        TicketStatus.Queued => t.Page is null
            ? [TicketActions.Accept, TicketActions.Escalate, TicketActions.EscalateManager]
            : [TicketActions.Accept, TicketActions.AckPage, TicketActions.Escalate, TicketActions.EscalateManager],
        TicketStatus.Accepted or TicketStatus.WaitingOnUser => WithVendor(t, t.Page is null
            ? [TicketActions.Escalate, TicketActions.Resolve, WaitOrResume(t), TicketActions.EscalateManager]
            : [TicketActions.AckPage, TicketActions.Escalate, TicketActions.Resolve, WaitOrResume(t), TicketActions.EscalateManager]),
        TicketStatus.Resolved => [TicketActions.Reopen],
        _ => [],
    };

    /// <summary>The owner's pause button: ask the reporter (a short form) while working on it, resume while waiting on them.</summary>
    private static string WaitOrResume(Ticket t) => t.Status == TicketStatus.WaitingOnUser ? TicketActions.Resume : TicketActions.Wait;

    /// <summary>A ticket with a linked vendor case also offers "Vendor responded" (Tier 4).</summary>
    private static IReadOnlyList<string> WithVendor(Ticket t, IReadOnlyList<string> actions) =>
        t.Vendor is null ? actions : [.. actions, TicketActions.VendorUpdate];

    /// <summary>
    /// The buttons one person may use (Teams shows each viewer their own through card refresh); the reporter also gets their own
    /// note and cancel (<see cref="TicketCopies.ReporterActions"/>).
    /// </summary>
    public static IReadOnlyList<string> ActionsFor(Ticket t, EscalationPolicy policy, UserRef viewer)
    {
        var directs = viewer.Is(t.Owner) || policy.IsLead(viewer, t.Tier) || policy.IsManager(viewer);
        var involved = viewer.Is(t.Reporter) || policy.IsStaff(viewer);
        var reporters = viewer.Is(t.Reporter) ? TicketCopies.ReporterActions(t.Status) : [];
        return CardActions(t, policy).Concat(reporters.Where(a => a is TicketActions.Note or TicketActions.Cancel)).Where(a => a switch
        {
            TicketActions.Accept => t.Owner is null && policy.IsTierMember(viewer, t.Tier),
            TicketActions.Escalate or TicketActions.Resolve or TicketActions.VendorUpdate or TicketActions.Wait or TicketActions.Resume => directs,
            TicketActions.EscalateManager or TicketActions.Reopen => involved,
            TicketActions.AckPage => t.Page is { } p && (viewer.Is(p.Person) || policy.IsTierMember(viewer, p.Tier) || policy.IsManager(viewer)),
            TicketActions.TakeOver => policy.IsManager(viewer) || policy.IsLead(viewer, t.Tier),
            TicketActions.Note => true,
            TicketActions.Cancel => true,
            _ => false,
        }).ToList();
    }

    private static (SlaState, string, DateTimeOffset?) Sla(Ticket t, EscalationPolicy policy, DateTimeOffset now)
    {
        var due = SlaMath.ResolveBy(t, policy);
        switch (t.Status)
        {
            case TicketStatus.Cancelled: return (SlaState.Cancelled, "Cancelled", null);
            case TicketStatus.Resolved or TicketStatus.Closed:
                var met = !t.HasMark(Marks.Breached);
                return (met ? SlaState.Met : SlaState.Missed, met ? "Resolved within target" : "Resolved after the target", null);
            case TicketStatus.WaitingOnUser: return (SlaState.Paused, "Paused while waiting on the user", null);
        }
        var calendar = SlaMath.CalendarOf(t, policy);
        var left = SlaMath.TimeLeft(t, policy, now) ?? TimeSpan.Zero;
        string Text(TimeSpan d) => DurationText.HumanizeBusiness(d, calendar);
        // A breach recorded by the sweep stays a breach, whatever a clock that was set back would say: never "8 h left" for a breached ticket.
        if (left <= TimeSpan.Zero || t.HasMark(Marks.Breached))
            return (SlaState.Breached, -left >= TimeSpan.FromMinutes(1) ? $"Breached: over by {Text(-left)}" : "Breached", due);
        var fraction = 1 - left / t.Terms.ResolveWithin;
        if (fraction >= t.Terms.ManagerAt) return (SlaState.AtRisk, $"{Text(left)} left (at risk)", due);
        if (fraction >= t.Terms.WarnAt) return (SlaState.Warning, $"{Text(left)} left (warning)", due);
        return (SlaState.OnTrack, $"{Text(left)} left", due);
    }
}
