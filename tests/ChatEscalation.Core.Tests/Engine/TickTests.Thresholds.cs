using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>
/// Hierarchical thresholds on a P2 (8 business hours) accepted Monday 09:00: warning at 75 % = 15:00, manager at 90 % = 16:12,
/// breach at 17:00. The P2 functional trigger is moved to 1 business day so the ticket stays at Tier 1 meanwhile.
/// </summary>
public partial class TickTests
{
    private static readonly DateTimeOffset WarnAt = At.Utc(2026, 1, 5, 15);
    private static readonly DateTimeOffset ManagerAt = At.Utc(2026, 1, 5, 16, 12);
    private static readonly DateTimeOffset BreachAt = At.Utc(2026, 1, 5, 17);

    private static EscalationPolicy SlowTriggerPolicy() => TestPolicy.With(o => o.Priorities["P2"].EscalateAfter = "1d");

    private static Desk AcceptedP2()
    {
        var desk = new Desk(SlowTriggerPolicy());
        desk.RaiseP(Priority.P2);
        desk.Accept(People.Alice);
        return desk;
    }

    [Fact]
    public void Tick_Warning_AtExactly75Percent_LeadToldAndCardFlagged()
    {
        var desk = AcceptedP2();

        desk.TickAt(WarnAt - At.OneTick).Changed.ShouldBeFalse();
        var d = desk.TickAt(WarnAt);

        d.Kinds().ShouldBe([EventKind.SlaWarned]);
        d.DirectTo(People.Lena).Text.ShouldContain("2 business hours left");
        d.CardTiers().ShouldBe([1]);
        d.ManagerAlerts().ShouldBeEmpty();
        d.Ticket.HasMark(Marks.Warning(1)).ShouldBeTrue();
    }

    [Fact]
    public void Tick_Manager_AtExactly90Percent_ManagerChannelGetsOwnerTimeLeftAndButtons()
    {
        var desk = AcceptedP2();
        desk.TickAt(WarnAt);

        desk.TickAt(ManagerAt - At.OneTick).Changed.ShouldBeFalse();
        var d = desk.TickAt(ManagerAt);

        d.Kinds().ShouldBe([EventKind.ManagerPinged]);
        var alert = d.ManagerAlerts().ShouldHaveSingleItem();
        alert.Text.ShouldContain("owner: Alice (Tier 1)");
        alert.Text.ShouldContain("48 business minutes left");
        alert.Urgent.ShouldBeFalse();
        alert.Actions.ShouldBe([TicketActions.TakeOver, TicketActions.Reassign, TicketActions.Escalate]);
    }

    [Fact]
    public void Tick_Breach_AtExactlyTheTarget_UrgentManagerAlert()
    {
        var desk = AcceptedP2();
        desk.TickAt(WarnAt);
        desk.TickAt(ManagerAt);

        desk.TickAt(BreachAt - At.OneTick).Changed.ShouldBeFalse();
        var d = desk.TickAt(BreachAt);

        d.Kinds().ShouldBe([EventKind.SlaBreached]);
        var alert = d.ManagerAlerts().ShouldHaveSingleItem();
        alert.Urgent.ShouldBeTrue();
        alert.Text.ShouldContain("breached its resolution target");
    }

    [Fact]
    public void Tick_EveryMinuteAllDay_WarningManagerAndBreachFireExactlyOnceEach()
    {
        var desk = AcceptedP2();

        for (var at = At.MondayNine; at < At.Utc(2026, 1, 6, 8, 59); at += TimeSpan.FromMinutes(1))
        {
            desk.TickAt(at);
            desk.Tick(); // and again at the same instant
        }

        desk.History.Count(e => e.Kind == EventKind.SlaWarned).ShouldBe(1);
        desk.History.Count(e => e.Kind == EventKind.ManagerPinged).ShouldBe(1);
        desk.History.Count(e => e.Kind == EventKind.SlaBreached).ShouldBe(1);
        desk.History.Single(e => e.Kind == EventKind.SlaWarned).At.ShouldBe(WarnAt);
        desk.History.Single(e => e.Kind == EventKind.ManagerPinged).At.ShouldBe(ManagerAt);
        desk.History.Single(e => e.Kind == EventKind.SlaBreached).At.ShouldBe(BreachAt);
    }

    [Fact]
    public void Tick_WarningAfterEscalation_NewTiersLeadToldOnce()
    {
        var desk = AcceptedP2();
        desk.TickAt(WarnAt);
        desk.AdvanceTo(At.Utc(2026, 1, 5, 15, 30));
        desk.Escalate(People.Alice);

        var d = desk.Tick();
        var again = desk.Tick();

        d.Kinds().ShouldBe([EventKind.SlaWarned]);
        d.DirectTo(People.Mike).Text.ShouldContain("75");
        d.DirectsTo(People.Lena).ShouldBeEmpty();
        again.Changed.ShouldBeFalse();
    }

    /// <summary>
    /// Breached at Tier 1 (17:00), escalated by Alice at 17:30: on arrival at Tier 2 the managers hear once, as a breach, with
    /// the new tier and owner; no 90 % ping first, and nothing more at Tier 2 after that. "Once per ticket and tier".
    /// </summary>
    [Fact]
    public void Tick_BreachedThenEscalated_ManagersToldOnceMoreAtTheNewTier()
    {
        var desk = AcceptedP2();
        foreach (var at in new[] { WarnAt, ManagerAt, BreachAt }) desk.TickAt(at);
        desk.AdvanceTo(At.Utc(2026, 1, 5, 17, 30));
        desk.Escalate(People.Alice);
        desk.Accept(People.Carol);

        var d = desk.Tick();
        var later = desk.TickAt(At.Utc(2026, 1, 6, 12, 0));

        d.Kinds().ShouldBe([EventKind.SlaBreached]);
        var alert = d.ManagerAlerts().ShouldHaveSingleItem();
        alert.Text.ShouldContain("Tier 2");
        alert.Text.ShouldContain("owner: Carol (Tier 2)");
        later.Kinds().ShouldNotContain(EventKind.SlaBreached);
        later.Kinds().ShouldNotContain(EventKind.ManagerPinged);
        desk.History.Count(e => e.Kind == EventKind.SlaBreached).ShouldBe(2); // once at Tier 1, once at Tier 2
    }

    [Theory]
    // First sweep after downtime, at these minutes past 15:00: which single SLA event is announced.
    [InlineData(90, EventKind.ManagerPinged)] // 16:30: warning and manager overdue → manager only
    [InlineData(150, EventKind.SlaBreached)]  // 17:30: all three overdue → breach only
    public void Tick_SeveralThresholdsOverdueAtOnce_OnlyTheMostSevereAnnounced(int minutesPastWarning, EventKind expected)
    {
        var desk = AcceptedP2();

        var d = desk.TickAt(WarnAt + TimeSpan.FromMinutes(minutesPastWarning));

        d.Kinds().ShouldBe([expected]);
        d.ManagerAlerts().ShouldHaveSingleItem();
        d.DirectsTo(People.Lena).ShouldBeEmpty();
        desk.Tick().Changed.ShouldBeFalse();
        desk.TickAt(BreachAt + TimeSpan.FromHours(1)).Kinds().ShouldNotContain(EventKind.SlaWarned);
    }

    [Fact]
    public void Tick_BreachFoundAfterDowntime_MessageSaysHowLate()
    {
        var desk = AcceptedP2();
        desk.TickAt(WarnAt);
        desk.TickAt(ManagerAt);

        var d = desk.TickAt(BreachAt + TimeSpan.FromMinutes(30));

        d.Single(EventKind.SlaBreached).Late.ShouldBe(TimeSpan.FromMinutes(30));
        d.ManagerAlerts().ShouldHaveSingleItem().Text.ShouldStartWith("(Late by 30 min: the bot was not running when this fell due.)");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(60, false)]
    [InlineData(120, false)]  // exactly EscalationEngine.LateAfter: still on time
    [InlineData(121, true)]
    public void Tick_LatenessBoundary_OnlyBeyondTwoMinutesCountsAsLate(int secondsAfterDue, bool late)
    {
        var desk = AcceptedP2();
        desk.TickAt(WarnAt);
        desk.TickAt(ManagerAt);

        var d = desk.TickAt(BreachAt + TimeSpan.FromSeconds(secondsAfterDue));

        (d.Single(EventKind.SlaBreached).Late is not null).ShouldBe(late);
        d.ManagerAlerts().ShouldHaveSingleItem().Text.StartsWith("(Late by").ShouldBe(late);
    }
}
