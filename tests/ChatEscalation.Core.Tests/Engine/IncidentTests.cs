using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using static ChatEscalation.Core.Tests.Engine.Support.People;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>Major incidents: "me too" at intake, links by staff, escalation on volume, one broadcast, resolve cascading.</summary>
public class IncidentTests
{
    private const string Outage = "VPN drops every 10 minutes";

    /// <summary>Person <paramref name="i"/> of an outage (not named by the policy).</summary>
    private static UserRef Person(int i) => new($"person{i}@corp.example", $"Person {i}");

    [Fact]
    public void CompleteIntake_SimilarOpenTicket_ReporterAskedAndTheCardWaits()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        board.Advance(TimeSpan.FromMinutes(4));
        var report = board.Raise("The VPN keeps dropping", Person(1));

        var d = board.Intake(report, new IntakeFindings([], [board.Similar(parent)])).ShouldHaveSingleItem();

        var ask = d.DirectTo(Person(1));
        ask.Text.ShouldBe("Looks like INC-000041: \"VPN drops every 10 minutes\" (1 report). Same problem?");
        ask.Actions.ShouldBe([TicketActions.MeToo, TicketActions.NotSame]);
        d.CardTiers().ShouldBeEmpty();
        (board[report].Intake, board[report].SimilarTo, board[report].IntakeUntil).ShouldBe((IntakeStage.Asking, parent, board.Now + board.Policy.MajorIncident.AskFor));
    }

    [Theory]
    [InlineData("Outlook keeps crashing", null, 4)]          // another category
    [InlineData("VPN drops every 10 minutes", "Citrix", 4)]  // another affected service
    [InlineData("VPN client will not install", null, 4)]     // shares only "VPN"
    [InlineData("VPN drops every 10 minutes", null, 31)]     // the last report is older than the 30 min window
    public void CompleteIntake_NotTheSameProblem_NotOfferedAndQueued(string title, string? service, int minutesLater)
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma, service: "VPN");
        board.Advance(TimeSpan.FromMinutes(minutesLater));
        var report = board.Raise(title, Person(1), service: service);

        var d = board.Intake(report, new IntakeFindings([], [board.Similar(parent)])).ShouldHaveSingleItem();

        d.DirectsTo(Person(1)).ShouldBeEmpty();
        d.CardTiers().ShouldBe([1]);
    }

    [Fact]
    public void JoinIncident_YesSameProblem_LinkedWithoutACardAndTheParentCounts()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        var report = board.Raise("The VPN keeps dropping", Person(1), origin: "teams");
        board.Intake(report, new IntakeFindings([], [board.Similar(parent)]));

        var (child, onParent) = board.Do(report, new JoinIncident(Person(1))) is [var c, var p] ? (c, p) : throw new ShouldAssertException("two decisions");

        child.Notifications.ShouldBeEmpty(); // no card, and the reporter is not pinged about their own answer
        child.Reply.ShouldBe($"Thanks: {TicketKey.Format(report)} is linked to INC-000041, and you get its updates. No need to raise it again.");
        (board[report].Status, board[report].ParentNumber, board[report].NoCardYet).ShouldBe((TicketStatus.Linked, parent, true));
        onParent.Kinds().ShouldBe([EventKind.ReportLinked]);
        onParent.Notifications.ShouldBe([Notification.Card(Audience.Queue(1))]);
        board[parent].AffectedPeople().Select(p => (p.Person, p.Origin)).ShouldBe([(Uma, "local"), (Person(1), "teams")]);
        TicketViews.Card(board[parent], board.Policy, board.Now).PeopleAffected.ShouldBe(2);
    }

    [Fact]
    public void DeclineIncident_NoSomethingElse_QueuedAsItsOwnTicket()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        var report = board.Raise("The VPN keeps dropping", Person(1));
        board.Intake(report, new IntakeFindings([], [board.Similar(parent)]));

        var d = board.Do(report, new DeclineIncident(Person(1))).ShouldHaveSingleItem();

        d.CardTiers().ShouldBe([1]);
        d.Single(EventKind.Queued).Text.ShouldBe("Person 1 says it is not the same problem as INC-000041: sent to the Tier 1 – Service Desk queue.");
        board[parent].Reports.ShouldBeEmpty();
    }

    [Fact]
    public void Tick_ReporterNeverAnswers_QueuedAfterAskFor()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        var report = board.Raise("The VPN keeps dropping", Person(1));
        board.Intake(report, new IntakeFindings([], [board.Similar(parent)]));

        board.Advance(board.Policy.MajorIncident.AskFor);
        var d = board.Tick(report);

        d.Single(EventKind.Queued).Text.ShouldBe("Person 1 did not say whether it is the same problem as INC-000041: sent to the Tier 1 – Service Desk queue.");
        d.CardTiers().ShouldBe([1]);
        board.Refuse(report, new JoinIncident(Person(1))).Code.ShouldBe(RefusalCode.InvalidState);
    }

    [Fact]
    public void AddReport_TenthPersonWithinTheWindow_MajorIncidentOnceWithTheReasonInWords()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        for (var i = 1; i <= 8; i++)
        {
            board.Advance(TimeSpan.FromMinutes(2));
            board.ReportSameAs(parent, Person(i));
            board.Last.SelectMany(d => d.Events).ShouldNotContain(e => e.Kind == EventKind.MajorIncident);
        }

        // The same person reporting twice is one person affected.
        board.ReportSameAs(parent, Person(8));
        board[parent].Major.ShouldBeNull();
        board.Advance(TimeSpan.FromMinutes(2));
        board.ReportSameAs(parent, Person(9));

        var onParent = board.Last[^1];
        var t = board[parent];
        t.Major!.Reason.ShouldBe("P1: 10 people affected in 18 min (raised from P3)");
        (t.Priority, t.RoutingReason, t.Terms.Priority).ShouldBe((Priority.P1, "P1: 10 people affected in 18 min (raised from P3)", Priority.P1));
        onParent.Single(EventKind.MajorIncident).Text.ShouldBe("Major incident: P1: 10 people affected in 18 min (raised from P3).");
        onParent.ManagerAlerts().ShouldHaveSingleItem().Text.ShouldBe(
            "Major incident: INC-000041 \"VPN drops every 10 minutes\": 10 people affected in 18 min. Now P1 at Tier 1 – Service Desk; owner: nobody yet.");
        // Everybody affected hears it once, except Person 9, whose own answer set it off.
        onParent.Notifications.Where(n => n.Kind == NotificationKind.Direct).Select(n => n.To.Person!.Key)
            .ShouldBe([Uma.Key, .. Enumerable.Range(1, 8).Select(i => Person(i).Key)]);
        onParent.DirectTo(Uma).Text.ShouldBe("INC-000041 update: 10 people have reported this problem; it is now handled as a major incident (P1).");

        board.Advance(TimeSpan.FromMinutes(1));
        board.ReportSameAs(parent, Person(10));
        board.Last.SelectMany(d => d.ManagerAlerts()).ShouldBeEmpty();
        board[parent].Major!.People.ShouldBe(10);
    }

    [Fact]
    public void AddReport_ReportsSpreadBeyondTheWindow_NoMajorIncident()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        for (var i = 1; i <= 12; i++)
        {
            board.Advance(TimeSpan.FromMinutes(5));
            board.ReportSameAs(parent, Person(i));
        }

        board[parent].AffectedPeople().Count.ShouldBe(13);
        board[parent].Major.ShouldBeNull(); // never 10 people within any 30 minutes
    }

    [Fact]
    public void AddReport_PolicyNamesATier_MajorIncidentMovesUpWithAHandoffNote()
    {
        var board = new Board(TestPolicy.With(o => o.MajorIncident = new() { Reports = 3, OpenAtTier = 2 }));
        var parent = board.RaiseQueued(Outage, Uma);
        board.Do(parent, new AcceptTicket(Alice));
        board.ReportSameAs(parent, Person(1));
        board.ReportSameAs(parent, Person(2));

        var onParent = board.Last[^1];
        var t = board[parent];
        (t.Tier, t.Owner, t.Priority).ShouldBe((2, (UserRef?)null, Priority.P1));
        t.LastHandoff!.Outcome.ShouldBe("Major incident: 3 people affected in 0 s.");
        onParent.CardTiers().ShouldBe([1, 2]);
        onParent.ManagerAlerts().ShouldHaveSingleItem().Text.ShouldEndWith("Now P1 at Tier 2 – Desktop & Apps; owner: nobody yet.");
        // The handoff is the one broadcast: each person once (Person 2's own answer set it off, so not them).
        onParent.Notifications.Where(n => n.Kind == NotificationKind.Direct).Select(n => n.To.Person!.Key).ShouldBe([Uma.Key, Person(1).Key]);
    }

    [Fact]
    public void AddReport_MajorIncidentAfterHours_OnCallPaged()
    {
        var board = new Board(TestPolicy.With(o => o.MajorIncident = new() { Reports = 3 }), start: At.Utc(2026, 1, 10, 2));
        var parent = board.RaiseQueued(Outage, Uma); // P3 after hours: nobody is paged
        board[parent].Page.ShouldBeNull();
        board.ReportSameAs(parent, Person(1));
        board.ReportSameAs(parent, Person(2));

        board[parent].Page.ShouldNotBeNull().Person.ShouldBe("alice@demo.local");
        board.Last[^1].DirectTo(Alice).Text.ShouldStartWith("Page: INC-000041 (P1)");
    }

    [Fact]
    public void Accept_OnAParentWithReports_OneMessagePerPersonOnTheirOwnPlatform()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma, origin: "slack");
        board.ReportSameAs(parent, Person(1), origin: "teams");
        board.ReportSameAs(parent, Person(2), origin: "slack");
        board.ReportSameAs(parent, Person(1), origin: "teams"); // twice: still one person
        board.ReportSameAs(parent, Alice);                       // the technician herself had reported it

        var d = board.Do(parent, new AcceptTicket(Alice)).ShouldHaveSingleItem();

        var directs = d.Notifications.Where(n => n.Kind == NotificationKind.Direct).ToList();
        directs.Select(n => (n.To.Person!.Key, n.To.Origin)).ShouldBe([(Uma.Key, null), (Person(1).Key, "teams"), (Person(2).Key, "slack")]);
        directs.Select(n => n.Text).Distinct().ShouldHaveSingleItem().ShouldContain("now owns your ticket");
    }

    [Fact]
    public void Resolve_ParentWithReports_LinkedReportsResolvedWithTheFixAndEveryoneToldOnce()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        var reports = Enumerable.Range(1, 4).Select(i => board.ReportSameAs(parent, Person(i))).ToList();
        board.Do(parent, new AcceptTicket(Alice));

        var decisions = board.Do(parent, new ResolveTicket(Alice, "Restarted the VPN concentrator"));

        decisions.Count.ShouldBe(5);
        var onParent = decisions[0];
        onParent.FollowUps.Select(f => f.TicketNumber).ShouldBe(reports);
        onParent.Notifications.Where(n => n.Kind == NotificationKind.Direct).Select(n => n.To.Person!.Key)
            .ShouldBe([Uma.Key, .. Enumerable.Range(1, 4).Select(i => Person(i).Key)]);
        foreach (var (number, d) in reports.Zip(decisions.Skip(1)))
        {
            d.Ticket.Number.ShouldBe(number);
            d.Kinds().ShouldBe([EventKind.ResolvedWithParent]);
            d.Notifications.ShouldBeEmpty(); // no card of their own, and the parent's broadcast already told their reporter
            (board[number].Status, board[number].Resolution).ShouldBe((TicketStatus.Resolved, "Restarted the VPN concentrator"));
        }
    }

    [Fact]
    public void Link_StaffLinksACardedTicket_CardSaysSoAndTheParentGainsTheReporter()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        var other = board.RaiseQueued("VPN dropping for the whole finance team", Victor);
        board.Do(other, new AcceptTicket(Bob));

        var (child, onParent) = board.Do(other, new LinkTicket(Bob, parent)) is [var c, var p] ? (c, p) : throw new ShouldAssertException("two decisions");

        child.Kinds().ShouldBe([EventKind.Linked]);
        child.CardTiers().ShouldBe([1]);
        child.DirectTo(Victor).Text.ShouldContain("Bob (Tier 1) linked it to INC-000041");
        onParent.Kinds().ShouldBe([EventKind.ReportLinked]);
        TicketViews.Card(board[other], board.Policy, board.Now).Actions.ShouldBe([TicketActions.Unlink]);
        board[parent].AffectedPeople().Count.ShouldBe(2);
    }

    [Fact]
    public void Link_ByAnEndUserToItselfOrToAClosedTicket_RefusedAndNothingChanges()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        var other = board.RaiseQueued("VPN dropping for the whole finance team", Victor);
        var done = board.RaiseQueued("VPN dropped yesterday", Victor);
        board.Do(done, new AcceptTicket(Alice));
        board.Do(done, new ResolveTicket(Alice, "Restarted the VPN concentrator"));

        board.Refuse(other, new LinkTicket(Victor, parent)).Code.ShouldBe(RefusalCode.NotAllowed);
        board.Refuse(other, new LinkTicket(Alice, other)).Field.ShouldBe(FieldNamesParent);
        board.Refuse(other, new LinkTicket(Alice, done)).Reason.ShouldBe($"{TicketKey.Format(done)} is resolved: it takes no more reports.");
        board.Refuse(other, new LinkTicket(Alice, 999)).Reason.ShouldBe("INC-000999 does not exist.");
        board[other].Status.ShouldBe(TicketStatus.Queued);
    }

    [Fact]
    public void Unlink_AMeTooReport_BackInTheQueueWithItsFirstCard()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        var report = board.ReportSameAs(parent, Person(1));

        var (child, onParent) = board.Do(report, new UnlinkTicket(Carol)) is [var c, var p] ? (c, p) : throw new ShouldAssertException("two decisions");

        child.CardTiers().ShouldBe([1]);
        (board[report].Status, board[report].ParentNumber, board[report].NoCardYet).ShouldBe((TicketStatus.Queued, (long?)null, false));
        onParent.Kinds().ShouldBe([EventKind.ReportUnlinked]);
        board[parent].Reports.ShouldBeEmpty();
    }

    [Fact]
    public void Cancel_ATicketOthersReported_Refused()
    {
        var board = new Board();
        var parent = board.RaiseQueued(Outage, Uma);
        board.ReportSameAs(parent, Person(1));

        board.Refuse(parent, new CancelTicket(Uma)).Reason.ShouldStartWith("INC-000041 is shared: 2 people reported this problem.");
    }

    private const string FieldNamesParent = ChatEscalation.Core.Forms.FieldNames.Parent;
}
