using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

public static partial class EscalationEngine
{
    /// <summary>Tier 4 links the vendor's case; the vendor's contracted clock starts and a chaser reminds the owner to follow up.</summary>
    public static Outcome LinkVendorCase(Ticket t, LinkVendorCase c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (t.Tier != policy.MaxTier)
            return Outcome.Refuse(RefusalCode.InvalidState, $"Vendor cases are linked at {policy.TierName(policy.MaxTier)}; {t.Key} is at {policy.TierName(t.Tier)}.");
        if (!MayDirect(t, c.Actor, policy)) return NotDirector(t, policy, "link a vendor case to");
        if (policy.Vendor(c.Vendor ?? "") is not { } vendor)
            return Outcome.Refuse(RefusalCode.InvalidInput,
                $"'{c.Vendor}' is not a vendor with a contract in the policy. Known vendors: {(policy.Vendors.Count == 0 ? "none" : string.Join(", ", policy.Vendors.Select(v => v.Name)))}.", FieldNames.Vendor);
        var caseId = (c.ExternalCaseId ?? "").Trim();
        if (caseId.Length == 0) return Outcome.Refuse(RefusalCode.InvalidInput, "Give the vendor's case number.", FieldNames.Case);

        var calendar = policy.Calendar(vendor.Calendar);
        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with
        {
            Vendor = new VendorCase(vendor.Name, vendor.Contract, caseId, now, calendar.Add(now, vendor.RespondWithin), calendar.Add(now, vendor.ResolveWithin), now + vendor.ChaseEvery),
            Marks = t.Marks.Remove(Marks.VendorRespond).Remove(Marks.VendorResolve),
        };
        var text = $"Vendor case {vendor.Name} #{caseId} linked ({vendor.Contract}): vendor response due in {DurationText.HumanizeBusiness(vendor.RespondWithin, calendar)}, resolution in {DurationText.HumanizeBusiness(vendor.ResolveWithin, calendar)}.";
        b.Event(EventKind.VendorLinked, text, note: caseId);
        b.QueueUpdate(text);
        b.TellReporter($"{t.Key} update: the vendor {vendor.Name} is now working on it (case {caseId}); we follow up with them.");
        b.Reply(text);
        return b.Build();
    }

    /// <summary>
    /// The vendor answered on the linked case: their contracted response clock stops (no "response overdue" from now on), the chaser
    /// restarts from now, and an update's text is recorded as the tier's latest note and posted in the card's thread.
    /// </summary>
    public static Outcome RecordVendorUpdate(Ticket t, RecordVendorUpdate c, EscalationPolicy policy, DateTimeOffset now)
    {
        if (RequireOpen(t) is { } closed) return closed;
        if (t.Vendor is not { } vendor)
            return Outcome.Refuse(RefusalCode.InvalidState, $"{t.Key} has no vendor case yet; link one first: vendor {t.Key} <vendor> case <id>.");
        if (!MayDirect(t, c.Actor, policy)) return NotDirector(t, policy, "record the vendor's answer on");
        var update = string.IsNullOrWhiteSpace(c.Update) ? null : c.Update.Trim();
        var first = vendor.RespondedAt is null;
        var chase = policy.Vendor(vendor.Vendor)?.ChaseEvery ?? TimeSpan.FromDays(1);

        var b = new DecisionBuilder(t, policy, now, c.Actor);
        b.Ticket = t with
        {
            Vendor = vendor with { RespondedAt = vendor.RespondedAt ?? now, NextChaseAt = now + chase },
            LastNote = update ?? t.LastNote,
        };
        var text = update is null
            ? $"{vendor.Vendor} responded on case {vendor.ExternalCaseId}."
            : $"{vendor.Vendor} update on case {vendor.ExternalCaseId}: {update}";
        b.Event(EventKind.VendorResponded, text, note: update);
        b.QueueUpdate(text);
        if (first) b.TellReporter($"{t.Key} update: the vendor {vendor.Vendor} has responded on case {vendor.ExternalCaseId}; {t.Owner?.Name ?? "we"} will keep you posted.");
        b.Reply(first
            ? $"Recorded: {vendor.Vendor} responded on {t.Key}; their response clock is stopped. Next chase reminder in {DurationText.Humanize(chase)}."
            : $"Recorded the {vendor.Vendor} update on {t.Key}. Next chase reminder in {DurationText.Humanize(chase)}.");
        return b.Build();
    }

    private static void VendorDeadline(DecisionBuilder b, Deadlines.DeadlineKind kind)
    {
        var t = b.Ticket;
        var vendor = t.Vendor!;
        var to = t.Owner is { } owner ? Audience.To(owner) : Audience.Queue(t.Tier);
        if (kind == Deadlines.DeadlineKind.VendorChase)
        {
            var chase = b.Policy.Vendor(vendor.Vendor)?.ChaseEvery ?? TimeSpan.FromDays(1);
            b.Ticket = t with { Vendor = vendor with { NextChaseAt = b.Now + chase } };
            b.Event(EventKind.VendorChased, $"Reminder to chase {vendor.Vendor} on case {vendor.ExternalCaseId}.");
            b.Notify(Direct(to, $"Chase {vendor.Vendor} on case {vendor.ExternalCaseId} for {t.Key} \"{t.Title}\": open for {DurationText.Humanize(b.Now - vendor.OpenedAt)}."));
            return;
        }
        var respond = kind == Deadlines.DeadlineKind.VendorRespondDue;
        b.Ticket = t.WithMark(respond ? Marks.VendorRespond : Marks.VendorResolve);
        var text = $"{vendor.Vendor} is past its contracted {(respond ? "response" : "resolution")} time on case {vendor.ExternalCaseId} ({vendor.Contract}) for {t.Key}.";
        b.Event(EventKind.VendorOverdue, text);
        b.Notify(Direct(to, text + " Chase them and record the answer."));
        b.Notify(Notification.Alert(Audience.Managers, text, urgent: false, TicketActions.TakeOver));
    }

    private static Notification Direct(Audience to, string text) =>
        to.Kind == AudienceKind.Person ? Notification.Direct(to, text) : Notification.Thread(to, text);
}
