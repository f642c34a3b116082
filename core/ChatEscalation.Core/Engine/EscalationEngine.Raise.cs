using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>Maximum title length kept on a ticket; longer text moves to the description (<see cref="TextLimits.Title"/>).</summary>
    public const int MaxTitleLength = TextLimits.Title;

    /// <summary>
    /// How long a card waits for the knowledge step after the raise (<see cref="RaiseTicket.AwaitKnowledge"/>); if the step has not
    /// run by then (the search failed, the bot stopped), the sweep sends the card to the queue without suggestions.
    /// </summary>
    public static readonly TimeSpan KnowledgeStepTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Raises a ticket with the number persistence allotted: routes it, queues it (or holds its card for the knowledge step), plans its deadlines.</summary>
    public static Outcome Raise(RaiseTicket command, long number, EscalationPolicy policy, DateTimeOffset now) => Raise(command, () => number, policy, now);

    /// <summary>
    /// As <see cref="Raise(RaiseTicket, long, EscalationPolicy, DateTimeOffset)"/>, drawing the number only once the raise is accepted: a
    /// refusal never calls <paramref name="takeNumber"/>, so a refused raise uses no number.
    /// </summary>
    public static Outcome Raise(RaiseTicket command, Func<long> takeNumber, EscalationPolicy policy, DateTimeOffset now)
    {
        command = command with { Reporter = policy.Named(command.Reporter) };
        var title = (command.Title ?? "").Trim();
        if (title.Length < 3)
            return Outcome.Refuse(RefusalCode.InvalidInput, "Say what the problem is (a few words at least), e.g. `ticket VPN drops every 10 minutes`.", FieldNames.Title);
        var description = (command.Description ?? "").Trim();
        var raisedBy = command.RaisedBy is { } by && !by.Is(command.Reporter) ? policy.Named(by) : null;
        var cut = InputLimits.CutTitle(title);
        var titleMoved = cut != title;
        if (titleMoved) description = description.Length == 0 ? title : $"{title}\n\n{description}";
        if (InputLimits.CheckRaise(command, description, titleMoved) is { } tooLong) return tooLong;
        title = cut;
        // The link is what the bot adds, not what the person typed: it is not counted against the description's limit.
        if (!string.IsNullOrWhiteSpace(command.SourceLink))
            description = (description.Length == 0 ? "" : description + "\n\n") + $"From the message: {command.SourceLink.Trim()}";

        var route = Routing.Decide(command, policy);
        var terms = policy.Terms[route.Priority];
        var ticket = new Ticket
        {
            Number = takeNumber(),
            Title = title,
            Description = description,
            Category = route.Category,
            Impact = route.Impact,
            Urgency = route.Urgency,
            Priority = route.Priority,
            RoutingReason = route.Reason,
            Reporter = command.Reporter,
            Origin = command.Origin,
            AffectedService = command.AffectedService ?? route.CriticalService?.Name,
            SourceThread = command.SourceThread,
            IsVip = route.IsVip,
            IsCriticalService = route.CriticalService is not null,
            Tier = route.Tier,
            Status = TicketStatus.Queued,
            RaisedAt = now,
            TierEnteredAt = now,
            QueuedSince = now,
            Terms = terms,
            Sla = BusinessClock.StartAt(now),
            TierClock = BusinessClock.StartAt(now),
            HighestTier = route.Tier,
        };
        var b = new DecisionBuilder(ticket, policy, now, raisedBy ?? command.Reporter);
        b.Event(EventKind.Raised, raisedBy is null
            ? $"Raised by {command.Reporter.Name}: {route.Reason}. Queued at {policy.TierName(route.Tier)}."
            : $"Raised by {raisedBy.Name} for {command.Reporter.Name} (from their message): {route.Reason}. Queued at {policy.TierName(route.Tier)}.");
        if (raisedBy is not null)
            b.TellReporter($"{b.Ticket.Key} was raised for you by {raisedBy.Name} from your message \"{title}\". You will get a message at every handoff.");
        if (command.AwaitKnowledge)
            b.Ticket = b.Ticket with { Intake = IntakeStage.Searching, IntakeUntil = now + KnowledgeStepTimeout, NoCardYet = true };
        else
            OpenInQueue(b);

        b.Reply($"{b.Ticket.Key} raised: {route.Reason}. It is in the {policy.TierName(route.Tier)} queue; a technician will pick it up (response target {ResponseTarget(b.Ticket, b.Policy)}). {(raisedBy is null ? "You" : command.Reporter.Name)} will get a message at every handoff.");
        return b.Build();
    }

    /// <summary>
    /// The card goes to the ticket's tier queue: outside staffed hours the tier's on-call is paged for the priorities that page, and the
    /// managers are told of a VIP reporter or a critical service.
    /// </summary>
    private static void OpenInQueue(DecisionBuilder b)
    {
        var t = b.Ticket;
        b.Ticket = t with { NoCardYet = false, Intake = IntakeStage.Done, IntakeUntil = null, SimilarTo = null };
        QueueAt(b, t.Tier);
        PageIfAfterHours(b);

        var flags = new List<string>();
        if (t.IsVip && b.Policy.Vips.NotifyManagers) flags.Add($"{t.Reporter.Name} is a VIP");
        if (t.IsCriticalService) flags.Add($"{t.AffectedService} is a critical service");
        if (flags.Count == 0) return;
        b.Ticket = b.Ticket with { ManagerEngaged = true };
        b.Notify(Notification.Alert(Audience.Managers,
            $"{t.Key} ({t.Priority}) opened at {b.Policy.TierName(t.Tier)}: {string.Join("; ", flags)}. \"{t.Title}\"",
            urgent: t.Priority == Priority.P1, TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate));
    }
}
