using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class VendorTests
{
    private static Desk AtTier4()
    {
        var desk = new Desk();
        desk.RaiseP(Priority.P3);
        desk.Do(new ReassignTicket(People.Maria, "Firewall appliance fault", ToTier: 4, ToOwner: People.Gina));
        return desk;
    }

    [Fact]
    public void LinkVendorCase_BelowTier4_Refused()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept(People.Alice);

        var r = desk.Refuse(new LinkVendorCase(People.Alice, "Contoso Networks", "CN-1"));

        r.Code.ShouldBe(RefusalCode.InvalidState);
        r.Reason.ShouldContain("Tier 4 – Vendors");
    }

    [Fact]
    public void LinkVendorCase_UnknownVendor_RefusedListingKnownVendors()
    {
        var desk = AtTier4();

        var r = desk.Refuse(new LinkVendorCase(People.Gina, "Initech", "IN-7"));

        r.Field.ShouldBe("vendor");
        r.Reason.ShouldContain("Known vendors: Contoso Networks, Fabrikam Payroll");
    }

    [Fact]
    public void LinkVendorCase_NoCaseNumber_Refused()
    {
        var desk = AtTier4();

        desk.Refuse(new LinkVendorCase(People.Gina, "Contoso Networks", " ")).Field.ShouldBe("case");
    }

    [Fact]
    public void LinkVendorCase_NotDirector_Refused()
    {
        var desk = AtTier4();

        desk.Refuse(new LinkVendorCase(People.Alice, "Contoso Networks", "CN-1")).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void LinkVendorCase_24x7Vendor_ContractedDeadlinesPlanned()
    {
        var desk = AtTier4();
        var linkedAt = desk.Now;

        var d = desk.Do(new LinkVendorCase(People.Gina, "contoso networks", "CN-4711"));

        var vendor = d.Ticket.Vendor.ShouldNotBeNull();
        vendor.Vendor.ShouldBe("Contoso Networks");
        vendor.ExternalCaseId.ShouldBe("CN-4711");
        desk.Due(DeadlineKind.VendorRespondDue).ShouldBe(linkedAt + TimeSpan.FromHours(2));
        desk.Due(DeadlineKind.VendorResolveDue).ShouldBe(linkedAt + TimeSpan.FromDays(1));
        desk.Due(DeadlineKind.VendorChase).ShouldBe(linkedAt + TimeSpan.FromHours(4));
        d.DirectTo(People.Uma).Text.ShouldContain("CN-4711");
    }

    [Fact]
    public void LinkVendorCase_BusinessHoursVendor_DeadlinesOnBusinessCalendar()
    {
        // Linked Monday 09:00 London: 4 business hours → 13:00; 3 business days (30 h) → Thursday 09:00.
        var desk = AtTier4();

        desk.Do(new LinkVendorCase(People.Gina, "Fabrikam Payroll", "FP-1"));

        desk.Due(DeadlineKind.VendorRespondDue).ShouldBe(At.Utc(2026, 1, 5, 13));
        desk.Due(DeadlineKind.VendorResolveDue).ShouldBe(At.Utc(2026, 1, 8, 9));
    }

    [Fact]
    public void Tick_VendorPastResponseTime_OwnerAndManagersToldOnce()
    {
        var desk = AtTier4();
        desk.Do(new LinkVendorCase(People.Gina, "Contoso Networks", "CN-4711"));

        desk.TickAt(At.MondayNine + TimeSpan.FromHours(2) - At.OneTick).Kinds().ShouldNotContain(EventKind.VendorOverdue);
        var d = desk.TickAt(At.MondayNine + TimeSpan.FromHours(2));
        var again = desk.Tick();

        d.Single(EventKind.VendorOverdue).Text.ShouldContain("response");
        d.DirectTo(People.Gina).Text.ShouldContain("CN-4711");
        d.ManagerAlerts().ShouldHaveSingleItem();
        again.Changed.ShouldBeFalse();
    }

    [Fact]
    public void Tick_VendorChase_RemindsOwnerEveryChasePeriod()
    {
        var desk = AtTier4();
        desk.Do(new LinkVendorCase(People.Gina, "Contoso Networks", "CN-4711"));

        var first = desk.TickAt(At.MondayNine + TimeSpan.FromHours(4));
        var second = desk.TickAt(At.MondayNine + TimeSpan.FromHours(8));

        first.Kinds().ShouldContain(EventKind.VendorChased);
        second.Kinds().ShouldContain(EventKind.VendorChased);
        desk.Due(DeadlineKind.VendorChase).ShouldBe(At.MondayNine + TimeSpan.FromHours(12));
    }

    [Fact]
    public void RecordVendorUpdate_Responded_ResponseOverdueNeverFires()
    {
        var desk = AtTier4();
        desk.Do(new LinkVendorCase(People.Gina, "Contoso Networks", "CN-4711"));
        desk.Clock.Advance(TimeSpan.FromHours(1));

        var d = desk.Do(new RecordVendorUpdate(People.Gina));
        var later = desk.TickAt(At.MondayNine + TimeSpan.FromHours(3));

        d.Single(EventKind.VendorResponded).Text.ShouldContain("responded");
        d.Ticket.Vendor!.RespondedAt.ShouldBe(At.MondayNine + TimeSpan.FromHours(1));
        d.DirectTo(People.Uma).Text.ShouldContain("has responded");
        DeadlinePlanner.Plan(desk.Ticket, desk.Policy).ShouldNotContain(x => x.Kind == DeadlineKind.VendorRespondDue);
        later.Kinds().ShouldNotContain(EventKind.VendorOverdue);
    }

    [Fact]
    public void RecordVendorUpdate_WithText_NoteKeptChaseRestartedReporterToldOnce()
    {
        var desk = AtTier4();
        desk.Do(new LinkVendorCase(People.Gina, "Contoso Networks", "CN-4711"));
        desk.Clock.Advance(TimeSpan.FromHours(3));

        var first = desk.Do(new RecordVendorUpdate(People.Gina, "Firmware fix ships tonight"));
        var second = desk.Do(new RecordVendorUpdate(People.Gina, "Fix installed, monitoring"));

        first.Single(EventKind.VendorResponded).Note.ShouldBe("Firmware fix ships tonight");
        second.Ticket.LastNote.ShouldBe("Fix installed, monitoring");
        second.Ticket.Vendor!.RespondedAt.ShouldBe(At.MondayNine + TimeSpan.FromHours(3));
        desk.Due(DeadlineKind.VendorChase).ShouldBe(At.MondayNine + TimeSpan.FromHours(7));
        first.DirectTo(People.Uma).ShouldNotBeNull();
        second.DirectsTo(People.Uma).ShouldBeEmpty();
    }

    [Fact]
    public void RecordVendorUpdate_NoVendorCase_RefusedSayingHowToLink()
    {
        var desk = AtTier4();

        var r = desk.Refuse(new RecordVendorUpdate(People.Gina));

        r.Code.ShouldBe(RefusalCode.InvalidState);
        r.Reason.ShouldContain("vendor INC-000042 <vendor> case <id>");
    }

    [Fact]
    public void RecordVendorUpdate_NotDirector_Refused()
    {
        var desk = AtTier4();
        desk.Do(new LinkVendorCase(People.Gina, "Contoso Networks", "CN-4711"));

        desk.Refuse(new RecordVendorUpdate(People.Uma)).Code.ShouldBe(RefusalCode.NotAllowed);
    }
}
