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
        b.Broadcast($"{t.Key} update: the vendor {vendor.Name} is now working on it (case {caseId}); we follow up with them.");
        b.Reply(text);
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
