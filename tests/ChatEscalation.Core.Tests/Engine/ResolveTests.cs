using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class ResolveTests
{
    [Theory]
    [InlineData("")]
    [InlineData("fixed")]
    [InlineData("123456789")]
    [InlineData("  12345678  ")]
    public void Resolve_NoteShorterThanMinimum_RefusedNamingTheResolution(string note)
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();

        var r = desk.Refuse(new ResolveTicket(People.Alice, note));

        r.Code.ShouldBe(RefusalCode.InvalidInput);
        r.Field.ShouldBe("resolution");
    }

    [Fact]
    public void Resolve_NoteExactlyMinimumLength_Resolved()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();

        desk.Do(new ResolveTicket(People.Alice, "1234567890")).Ticket.Status.ShouldBe(TicketStatus.Resolved);
    }

    [Fact]
    public void Resolve_AtTier1_NoKnowledgeDraft()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();

        var d = desk.Do(new ResolveTicket(People.Alice, "Cleared the print spooler"));

        d.Kinds().ShouldBe([EventKind.Resolved]);
        d.DirectsTo(People.Lena).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Resolve_FromTier2Up_KnowledgeDraftForTier1Leads(int tier)
    {
        var desk = new Desk();
        desk.Raise();
        desk.Escalate(People.Maria, toTier: tier);
        var owner = tier == 2 ? People.Carol : People.Erin;
        desk.Accept(owner);

        var d = desk.Do(new ResolveTicket(owner, "Reinstalled the printer driver v5.2"));

        d.Kinds().ShouldBe([EventKind.Resolved, EventKind.KnowledgeDrafted]);
        d.Single(EventKind.KnowledgeDrafted).Note.ShouldBe("Reinstalled the printer driver v5.2");
        d.DirectTo(People.Lena).Text.ShouldContain("knowledge-base draft");
    }

    [Fact]
    public void Resolve_ByOwner_ReporterGetsFixAndReopenButton()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();

        var d = desk.Do(new ResolveTicket(People.Alice, "Cleared the print spooler"));

        var dm = d.DirectTo(People.Uma);
        dm.Text.ShouldContain("resolved by Alice (Tier 1)");
        dm.Text.ShouldContain("Cleared the print spooler");
        dm.Text.ShouldContain("Reopen it within 7 d");
        dm.Actions.ShouldBe([TicketActions.Reopen]);
        d.DirectsTo(People.Alice).ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_NonDirector_Refused()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();

        desk.Refuse(new ResolveTicket(People.Bob, "Cleared the print spooler")).Code.ShouldBe(RefusalCode.NotAllowed);
        desk.Refuse(new ResolveTicket(People.Uma, "It works again now")).Code.ShouldBe(RefusalCode.NotAllowed);
    }

    [Fact]
    public void Resolve_Resolved_OnlyAutoCloseDeadlineRemains()
    {
        var desk = new Desk();
        desk.Raise();
        desk.Accept();

        var d = desk.Do(new ResolveTicket(People.Alice, "Cleared the print spooler"));

        d.Deadlines.ShouldHaveSingleItem().ShouldBe(new Deadline(DeadlineKind.AutoClose, desk.Now + TimeSpan.FromDays(7), 1));
    }
}
