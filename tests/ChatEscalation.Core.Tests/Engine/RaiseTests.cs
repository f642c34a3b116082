using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class RaiseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("hi")]
    [InlineData(" ab ")]
    public void Raise_TitleShorterThanThreeCharacters_RefusedNamingTheTitle(string title)
    {
        var outcome = EscalationEngine.Raise(new RaiseTicket(People.Uma, "local", title), 1, TestPolicy.Default(), At.MondayNine);

        outcome.IsDecision.ShouldBeFalse();
        outcome.Refusal.Code.ShouldBe(RefusalCode.InvalidInput);
        outcome.Refusal.Field.ShouldBe("title");
    }

    [Theory]
    [InlineData("hi", 0)]
    [InlineData("Printer jams on every page", 1)]
    public void Raise_NumberSource_DrawnOnlyWhenTheRaiseIsAccepted(string title, int draws)
    {
        var drawn = 0;

        var outcome = EscalationEngine.Raise(new RaiseTicket(People.Uma, "local", title), () => 41 + ++drawn, TestPolicy.Default(), At.MondayNine);

        drawn.ShouldBe(draws);
        if (draws == 1) outcome.Decision!.Ticket!.Number.ShouldBe(42);
    }

    [Fact]
    public void Raise_ThreeCharacterTitle_Accepted()
    {
        var d = new Desk().Raise("VPN");

        d.Ticket.Title.ShouldBe("VPN");
    }

    [Fact]
    public void Raise_TitleLongerThanLimit_TitleCutAndFullTextMovedToDescription()
    {
        var longTitle = "VPN drops " + new string('x', 200);

        var d = new Desk().Raise(longTitle, description: "Since Monday.");

        d.Ticket.Title.Length.ShouldBe(EscalationEngine.MaxTitleLength);
        d.Ticket.Title.ShouldEndWith("…");
        d.Ticket.Description.ShouldBe($"{longTitle}\n\nSince Monday.");
    }

    [Fact]
    public void Raise_TitleExactlyAtLimit_KeptWhole()
    {
        var title = new string('a', EscalationEngine.MaxTitleLength);

        var d = new Desk().Raise(title);

        d.Ticket.Title.ShouldBe(title);
        d.Ticket.Description.ShouldBe("");
    }

    [Theory]
    [InlineData("Database", "Something is slow", "Database", 3)]
    [InlineData("database", "Something is slow", "Database", 3)]
    [InlineData(null, "VPN drops every 10 minutes", "Network", 1)]
    [InlineData(null, "Cannot log in to the portal", "Access", 1)]
    [InlineData(null, "SQL replication lag", "Database", 3)]
    [InlineData(null, "Something odd happened", "General", 1)]
    [InlineData("NoSuchCategory", "Something odd happened", "General", 1)]
    [InlineData(null, "Wifivpn is a made-up word", "General", 1)]
    public void Raise_Category_ByNameThenKeywordThenDefault(string? requested, string title, string category, int tier)
    {
        var d = new Desk().Raise(title, category: requested);

        d.Ticket.Category.ShouldBe(category);
        d.Ticket.Tier.ShouldBe(tier);
    }

    [Fact]
    public void Raise_Always_QueuedAtTierWithCardAndRaisedEventAndReplyToReporter()
    {
        var d = new Desk().Raise("VPN drops every 10 minutes");

        d.Ticket.Status.ShouldBe(TicketStatus.Queued);
        d.Ticket.Owner.ShouldBeNull();
        d.Ticket.Key.ShouldBe("INC-000042");
        d.Kinds().ShouldBe([EventKind.Raised]);
        d.CardTiers().ShouldBe([1]);
        d.Reply.ShouldContain("INC-000042 raised");
        d.Reply.ShouldContain("Tier 1 – Service Desk");
        d.DirectsTo(People.Uma).ShouldBeEmpty(); // the reporter acted: they get the reply, not a DM
    }

    [Fact]
    public void Raise_InBusinessHours_NoPage()
    {
        var d = new Desk().RaiseP(Priority.P1);

        d.Ticket.Page.ShouldBeNull();
        d.Kinds().ShouldNotContain(EventKind.Paged);
    }

    [Fact]
    public void Raise_P2AfterHours_PagesTheTierOnCallAtOnce()
    {
        var desk = new Desk(start: At.Utc(2026, 1, 9, 18, 30));

        var d = desk.RaiseP(Priority.P2);

        d.Ticket.Page.ShouldNotBeNull().Person.ShouldBe("alice@demo.local");
        d.DirectTo(People.Alice).Urgent.ShouldBeTrue();
    }

    [Fact]
    public void Raise_P3AfterHours_NoPage()
    {
        var desk = new Desk(start: At.Utc(2026, 1, 9, 18, 30));

        var d = desk.RaiseP(Priority.P3);

        d.Ticket.Page.ShouldBeNull();
    }
}
