using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>Starts paging a tier's rotation at its first layer; gaps are skipped to the next level at once.</summary>
    private static void StartPage(DecisionBuilder b, int tier)
    {
        var rotation = b.Policy.RotationFor(tier);
        if (rotation is not null && b.Policy.HoldWhenUncovered && Enumerable.Range(0, rotation.Layers.Count).All(l => rotation.WhoIsOnCall(l, b.Now) is null))
        {
            var resumes = Enumerable.Range(0, rotation.Layers.Count)
                .Select(l => NextCoveredShiftStart(rotation, l, b.Now))
                .Where(x => x is not null).Min();
            if (resumes is { } at)
            {
                b.Ticket = b.Ticket with { HeldUntil = at, Page = null, TierClock = SlaMath.Pause(b.Ticket.TierClock, b.Now) };
                b.Event(EventKind.Held, $"Nobody is on call for {b.Policy.TierName(tier)}; held for the next person on duty.");
                b.Notify(Notification.Alert(Audience.Managers,
                    $"Gap in the {rotation.Name} rotation: nobody is on call for {b.Policy.TierName(tier)}. {b.Ticket.Key} ({b.Ticket.Priority}) is held for the next shift.",
                    urgent: true, TicketActions.TakeOver, TicketActions.Reassign));
                return;
            }
        }
        PageLevel(b, tier, 0, attempt: 1);
    }

    private static DateTimeOffset? NextCoveredShiftStart(OnCall.OnCallRotation rotation, int layer, DateTimeOffset now)
    {
        var at = now;
        for (var i = 0; i < 64; i++)
        {
            var shift = rotation.NextShift(layer, at);
            if (shift.Person is not null) return shift.From;
            if (shift.From <= at) return null;
            at = shift.From;
        }
        return null;
    }

    /// <summary>Pages a level (skipping levels nobody covers); the last level is the manager channel.</summary>
    private static void PageLevel(DecisionBuilder b, int tier, int level, int attempt)
    {
        var rotation = b.Policy.RotationFor(tier);
        var layers = rotation?.Layers.Count ?? 0;
        while (level < layers && rotation!.WhoIsOnCall(level, b.Now) is null)
        {
            b.Event(EventKind.CoverageGap, $"Nobody on call in the {rotation.Layers[level].Name} layer of {rotation.Name}; paging the next level.");
            b.Notify(Notification.Alert(Audience.Managers,
                $"Gap in the {rotation.Name} rotation ({rotation.Layers[level].Name}): nobody to page for {b.Ticket.Key}; moved to the next level.", urgent: false));
            level++;
            attempt = 1;
        }
        var t = b.Ticket;
        var interval = level >= layers && attempt >= b.Policy.AttemptsPerLevel ? b.Policy.ManagerRepageEvery : b.Policy.RepageEvery;
        var nextAt = b.Now + interval;
        // Paging is the after-hours path: when the desk opens, the page ends (see Repage) at that very minute.
        if (b.Policy.Staffed.NextOpening(b.Now) is { } opens && opens > b.Now && opens < nextAt) nextAt = opens;
        var when = attempt == 1 ? "" : $" (page {attempt})";
        var summary = $"{t.Key} ({t.Priority}) \"{t.Title}\" at {b.Policy.TierName(tier)}, after hours";
        if (level < layers)
        {
            var person = rotation!.WhoIsOnCall(level, b.Now)!;
            var who = b.Policy.Person(person);
            // While a person is paged the functional trigger waits: the tier clock stops until they acknowledge or the ladder ends.
            b.Ticket = t with { Page = new ActivePage(tier, level, person, attempt, t.Page?.StartedAt ?? b.Now, nextAt), TierClock = SlaMath.Pause(t.TierClock, b.Now) };
            b.Event(EventKind.Paged, $"Paged {who.Name} ({rotation.Layers[level].Name} on call){when}.");
            b.Notify(new Notification(NotificationKind.Direct, Audience.To(who), $"Page{when}: {summary}. Acknowledge to take it.", [TicketActions.AckPage], Urgent: true));
            b.Notify(Notification.Alert(Audience.OnCall, $"Paging {who.Name} ({rotation.Layers[level].Name}){when}: {summary}.", urgent: true, TicketActions.AckPage));
        }
        else
        {
            // The ladder reached the managers: the tier clock runs again from here, so the functional trigger moves the ticket on
            // a full period later if nobody acts (it was paused, not overdue).
            b.Ticket = t with
            {
                Page = new ActivePage(tier, layers, null, attempt, t.Page?.StartedAt ?? b.Now, nextAt),
                ManagerEngaged = true,
                TierClock = SlaMath.Resume(t.TierClock, b.Now, SlaMath.CalendarOf(t, b.Policy)),
            };
            b.Event(EventKind.Paged, $"Paged the managers{when}: nobody on call acknowledged.");
            b.Notify(Notification.Alert(Audience.Managers, $"Page{when}: nobody on call acknowledged {summary}. Acknowledge or take over.", urgent: true, TicketActions.AckPage, TicketActions.TakeOver));
        }
    }

    /// <summary>
    /// The re-page deadline: page the same level again, or after the attempts per level, the next level. Once the desk is staffed
    /// again the page ends instead: the ticket is back with its queue and the normal (business-hours) clock.
    /// </summary>
    private static void Repage(DecisionBuilder b)
    {
        if (b.Ticket.Page is not { } page) return;
        if (b.Policy.Staffed.IsOpen(b.Now))
        {
            EndPage(b, page);
            return;
        }

        var layers = b.Policy.RotationFor(page.Tier)?.Layers.Count ?? 0;
        if (page.Attempt < b.Policy.AttemptsPerLevel || page.Level >= layers) PageLevel(b, page.Tier, page.Level, page.Attempt + 1);
        else PageLevel(b, page.Tier, page.Level + 1, 1);
    }

    private static void EndPage(DecisionBuilder b, ActivePage page)
    {
        var t = b.Ticket;
        var waited = DurationText.Humanize(b.Now - page.StartedAt);
        var paged = page.Person is null ? "the managers" : b.Policy.Person(page.Person).Name;
        // Back with its queue: a fresh acceptance window from the minute the desk opens.
        b.Ticket = t with { Page = null, QueuedSince = b.Now, QueueReminders = 0, TierClock = SlaMath.Resume(t.TierClock, b.Now, SlaMath.CalendarOf(t, b.Policy)) };
        b.Event(EventKind.PageEnded, $"Paging ended: the desk is open again and nobody acknowledged in {waited} (last paged: {paged}).");
        b.Notify(Notification.Alert(Audience.OnCall, $"Paging for {t.Key} ended: the desk is open; {b.Policy.TierName(t.Tier)} has it.", urgent: false));
        b.QueueUpdate($"The desk is open: {t.Key} is back with this queue (nobody acknowledged the after-hours page in {waited}).");
    }

    /// <summary>Acknowledge a page: the paged person, anybody in the paged tier, or a manager. A tier member acknowledging a queued ticket also accepts it.</summary>
    public static Outcome Acknowledge(Ticket t, AcknowledgePage c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (t.Page is not { } page) return Outcome.Refuse(RefusalCode.InvalidState, $"No page is waiting for acknowledgement on {t.Key}.");
        if (!c.Actor.Is(page.Person) && !policy.IsTierMember(c.Actor, page.Tier) && !policy.IsManager(c.Actor))
            return Outcome.Refuse(RefusalCode.NotAllowed, $"The page for {t.Key} is for {(page.Person is null ? "the managers" : policy.Person(page.Person).Name)}.");
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        var waited = DurationText.Humanize(now - page.StartedAt);
        // The person who answers gets a full period at this tier before the functional trigger moves the ticket on.
        b.Ticket = t with { Page = null, TierClock = BusinessClock.StartAt(now), QueuedSince = now, QueueReminders = 0 };
        b.Event(EventKind.PageAcknowledged, $"Page acknowledged by {c.Actor.Name} after {waited}.");
        b.Notify(Notification.Alert(Audience.OnCall, $"{c.Actor.Name} acknowledged the page for {t.Key} after {waited}.", urgent: false));
        if (t.Status == TicketStatus.Queued && t.Owner is null && policy.IsTierMember(c.Actor, t.Tier))
            TakeOwnership(b, c.Actor, $"Accepted by {c.Actor.Name} (on call) at {policy.TierName(t.Tier)}.", EventKind.Accepted);
        else
            b.QueueUpdate($"Page acknowledged by {c.Actor.Name}.");
        b.Reply($"Page for {t.Key} acknowledged.");
        return b.Build();
    }
}
