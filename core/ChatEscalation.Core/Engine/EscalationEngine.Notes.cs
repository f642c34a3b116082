using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>
    /// A work note (staff) or a comment (reporter). A reporter's comment resumes a ticket waiting on them and reaches the owner (the
    /// queue while nobody owns it). A staff note reaches the reporter (by DM, and in the source thread unless written there), except an
    /// internal one (<see cref="AddNote.InternalPrefix"/>), which only the ticket's history keeps.
    /// </summary>
    public static Outcome AddNote(Ticket t, AddNote c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (t.Status is TicketStatus.Closed or TicketStatus.Cancelled) return RequireOpen(t)!;
        if (!IsInvolved(t, c.Actor, policy))
            return Outcome.Refuse(RefusalCode.NotAllowed, $"Only the reporter of {t.Key} or the support team can add notes to it.");
        var text = (c.Text ?? "").Trim();
        if (text.Length == 0) return Outcome.Refuse(RefusalCode.InvalidInput, "The note is empty.", FieldNames.Note);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        if (c.Actor.Is(t.Reporter) || t.Reports.Any(r => r.Person.Is(c.Actor)))
        {
            b.Event(EventKind.NoteAdded, $"Note from {c.Actor.Name}.", note: text);
            var to = t.Owner is { } owner ? Audience.To(owner) : Audience.Queue(t.Tier);
            var line = $"{t.Key}: {c.Actor.Name} added: {text}";
            b.Notify(to.Kind == AudienceKind.Person ? Notification.Direct(to, line) : Notification.Thread(to, line));
            if (t.Status == TicketStatus.WaitingOnUser && c.Actor.Is(t.Reporter)) ResumeClock(b, $"Resumed: {t.Reporter.Name} answered.");
            b.Reply($"Note added to {t.Key}.");
            return b.Build();
        }

        var isInternal = text.StartsWith(Commands.AddNote.InternalPrefix, StringComparison.OrdinalIgnoreCase);
        if (isInternal) text = text[Commands.AddNote.InternalPrefix.Length..].Trim();
        if (text.Length == 0) return Outcome.Refuse(RefusalCode.InvalidInput, "The note is empty.", FieldNames.Note);
        b.Event(EventKind.NoteAdded, isInternal ? $"Internal note from {c.Actor.Name}." : $"Note from {c.Actor.Name}.", note: text);
        b.Ticket = b.Ticket with { LastNote = text };
        if (isInternal)
        {
            b.Reply($"Internal note added to {t.Key}; {t.Reporter.Name} is not told.");
            return b.Build();
        }

        var told = $"{t.Key}: {c.Actor.Name} wrote: {text}";
        if (c.InSourceThread) b.TellReporterPrivately(told);
        else b.TellReporter(told);
        b.Reply($"Note added to {t.Key}; {t.Reporter.Name} is told.");
        return b.Build();
    }

    /// <summary>Pause the SLA while the reporter is asked something; only whoever directs the ticket may.</summary>
    public static Outcome WaitOnUser(Ticket t, WaitOnUser c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (t.Status != TicketStatus.Accepted)
            return Outcome.Refuse(RefusalCode.InvalidState, t.Status == TicketStatus.WaitingOnUser ? $"{t.Key} is already waiting on the user." : $"Accept {t.Key} before asking the user something.");
        if (!MayDirect(t, c.Actor, policy)) return NotDirector(t, policy, "pause");
        var question = (c.Question ?? "").Trim();
        if (question.Length == 0) return Outcome.Refuse(RefusalCode.InvalidInput, "Say what you need from the user.", FieldNames.Question);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with { Status = TicketStatus.WaitingOnUser, Sla = SlaMath.Pause(t.Sla, now), TierClock = SlaMath.Pause(t.TierClock, now) };
        b.Event(EventKind.WaitingOnUser, $"Waiting on {t.Reporter.Name}; the SLA clock is paused.", note: question);
        b.QueueUpdate($"Waiting on {t.Reporter.Name}: {question}");
        b.TellReporter($"{t.Key} update: {c.Actor.Name} needs something from you: {question} Answer in the thread under this message (or type: note {t.Key} <your answer>); the clock is paused until then.");
        b.Reply($"{t.Key} is waiting on {t.Reporter.Name}; the SLA clock is paused.");
        return b.Build();
    }

    public static Outcome Resume(Ticket t, ResumeTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (t.Status != TicketStatus.WaitingOnUser) return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} is not waiting on the user.");
        if (!MayDirect(t, c.Actor, policy) && !c.Actor.Is(t.Reporter)) return NotDirector(t, policy, "resume");
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        ResumeClock(b, $"Resumed by {c.Actor.Name}.");
        b.Reply($"{t.Key} is running again.");
        return b.Build();
    }

    private static void ResumeClock(DecisionBuilder b, string text)
    {
        var calendar = SlaMath.CalendarOf(b.Ticket, b.Policy);
        b.Ticket = b.Ticket with
        {
            Status = TicketStatus.Accepted,
            Sla = SlaMath.Resume(b.Ticket.Sla, b.Now, calendar),
            TierClock = SlaMath.Resume(b.Ticket.TierClock, b.Now, calendar),
        };
        b.Event(EventKind.Resumed, text);
        b.QueueUpdate(text);
        if (b.Ticket.Owner is { } owner) b.Notify(Notification.Direct(Audience.To(owner), $"{b.Ticket.Key}: {text} The SLA clock runs again."));
    }

    /// <summary>The reporter (or a manager) withdraws an open ticket.</summary>
    public static Outcome Cancel(Ticket t, CancelTicket c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (!c.Actor.Is(t.Reporter) && !policy.IsManager(c.Actor))
            return Outcome.Refuse(RefusalCode.NotAllowed, $"Only {t.Reporter.Name}, who reported {t.Key}, or a manager can cancel it.");
        if (t.Reports.Count > 0)
            return Outcome.Refuse(RefusalCode.InvalidState,
                $"{t.Key} is shared: {t.AffectedPeople().Count} people reported this problem. A technician resolves it for everybody, or unlinks the other reports first.");
        var reason = string.IsNullOrWhiteSpace(c.Reason) ? "no reason given" : c.Reason.Trim();
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with { Status = TicketStatus.Cancelled, ClosedAt = now, Page = null, HeldUntil = null };
        b.Event(EventKind.Cancelled, $"Cancelled by {c.Actor.Name}: {reason}.", note: reason);
        b.QueueUpdate($"Cancelled by {c.Actor.Name}: {reason}.");
        if (t.Owner is { } owner) b.Notify(Notification.Direct(Audience.To(owner), $"{t.Key} \"{t.Title}\" was cancelled by {c.Actor.Name}: {reason}."));
        b.Broadcast($"{t.Key} update: cancelled by {c.Actor.Name}: {reason}.");
        b.Reply($"{t.Key} is cancelled.");
        return b.Build();
    }
}
