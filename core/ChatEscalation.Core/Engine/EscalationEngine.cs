using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>The escalation engine: pure functions of (ticket, command, policy, now) that return a decision or a refusal.</summary>
/// <remarks>No I/O and no clock: the caller passes <c>now</c>, stores the decision, and delivers its notifications.</remarks>
public static partial class EscalationEngine
{
    /// <summary>Applies any command to an existing ticket. The actor is named as the policy names them (see <see cref="EscalationPolicy.Named"/>).
    /// Texts over their documented limits (<see cref="InputLimits"/>) are refused before anything else is decided.</summary>
    public static Outcome Decide(Ticket ticket, TicketCommand command, EscalationPolicy policy, DateTimeOffset now) =>
        InputLimits.Check(command) is { } tooLong ? tooLong : Apply(ticket, command with { Actor = policy.Named(command.Actor) }, policy, now);

    private static Outcome Apply(Ticket ticket, TicketCommand command, EscalationPolicy policy, DateTimeOffset now) => command switch
    {
        AcceptTicket c => Accept(ticket, c, policy, now),
        EscalateTicket c => Escalate(ticket, c, policy, now),
        EscalateToManager c => EscalateToManager(ticket, c, policy, now),
        ResolveTicket c => Resolve(ticket, c, policy, now),
        ReopenTicket c => Reopen(ticket, c, policy, now),
        AddNote c => AddNote(ticket, c, policy, now),
        WaitOnUser c => WaitOnUser(ticket, c, policy, now),
        ResumeTicket c => Resume(ticket, c, policy, now),
        AcknowledgePage c => Acknowledge(ticket, c, policy, now),
        ReassignTicket c => Reassign(ticket, c, policy, now),
        TakeOverTicket c => TakeOver(ticket, c, policy, now),
        LinkVendorCase c => LinkVendorCase(ticket, c, policy, now),
        RecordVendorUpdate c => RecordVendorUpdate(ticket, c, policy, now),
        CancelTicket c => Cancel(ticket, c, policy, now),
        OverridePriority c => OverridePriority(ticket, c, policy, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
    };

    /// <summary>Owner, a lead of the ticket's current tier, or a manager.</summary>
    private static bool MayDirect(Ticket t, UserRef actor, EscalationPolicy policy) =>
        actor.Is(t.Owner) || policy.IsLead(actor, t.Tier) || policy.IsManager(actor);

    private static Refusal NotDirector(Ticket t, EscalationPolicy policy, string verb) =>
        new(RefusalCode.NotAllowed, t.Owner is { } owner
            ? $"Only the owner ({owner.Name}), a {policy.TierName(t.Tier)} lead or a manager can {verb} {t.Key}."
            : $"Only a {policy.TierName(t.Tier)} lead or a manager can {verb} {t.Key} while nobody owns it; accept it first.");

    private static Refusal? RequireOpen(Ticket t) => t.Status switch
    {
        TicketStatus.Resolved => new Refusal(RefusalCode.InvalidState, $"{t.Key} is already resolved. Reopen it first if the problem is back."),
        TicketStatus.Closed => new Refusal(RefusalCode.InvalidState, $"{t.Key} is closed. Raise a new ticket if the problem is back."),
        TicketStatus.Cancelled => new Refusal(RefusalCode.InvalidState, $"{t.Key} was cancelled by its reporter."),
        _ => null,
    };

    private static bool IsInvolved(Ticket t, UserRef actor, EscalationPolicy policy) =>
        actor.Is(t.Reporter) || policy.IsStaff(actor);

    /// <summary>Puts the ticket in a tier's queue: nobody owns it, the tier clocks restart, the card goes to the queue. Callers then page with <see cref="PageIfAfterHours"/>.</summary>
    private static void QueueAt(DecisionBuilder b, int tier)
    {
        var t = b.Ticket;
        var calendar = SlaMath.CalendarOf(t, b.Policy);
        b.Ticket = t with
        {
            Tier = tier,
            Owner = null,
            Status = TicketStatus.Queued,
            TierEnteredAt = b.Now,
            QueuedSince = b.Now,
            QueueReminders = 0,
            TierClock = BusinessClock.StartAt(b.Now),
            Sla = SlaMath.Resume(t.Sla, b.Now, calendar),
            HighestTier = Math.Max(t.HighestTier, tier),
            LastNote = null,
            Page = null,
            HeldUntil = null,
        };
        b.Notify(Notification.Card(Audience.Queue(tier)));
    }

    /// <summary>After <see cref="QueueAt"/> and the caller's own event: outside staffed hours, page the queue's on-call for the priorities that page.</summary>
    private static void PageIfAfterHours(DecisionBuilder b)
    {
        if (IsAfterHours(b) && b.Ticket.Terms.PageAfterHours) StartPage(b, b.Ticket.Tier);
    }

    private static bool IsAfterHours(DecisionBuilder b) => !b.Policy.Staffed.IsOpen(b.Now);

    private static string ResponseTarget(Ticket t, EscalationPolicy policy) => BusinessText(t, policy, t.Terms.RespondWithin);

    /// <summary>Business time of the ticket's calendar, in words ("4 business hours", "5 business days", "30 min" on 24×7).</summary>
    private static string BusinessText(Ticket t, EscalationPolicy policy, TimeSpan duration) =>
        DurationText.HumanizeBusiness(duration, SlaMath.CalendarOf(t, policy));

    private static string Who(UserRef user, EscalationPolicy policy) => policy.Describe(user);
}
