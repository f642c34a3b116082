using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using static ChatEscalation.Core.Tests.Engine.Support.People;

namespace ChatEscalation.Core.Tests.Engine;

/// <summary>Knowledge at intake: the card waits for the search; suggestions reach the reporter and the Tier 1 card; "This fixed it" deflects.</summary>
public class IntakeTests
{
    private static readonly Suggestion VpnFix = new(SuggestionSource.ResolvedTicket, 12, "VPN drops every 10 minutes", "Replaced the VPN profile with the 2026 one.", 12);
    private static readonly Suggestion VpnArticle = new(SuggestionSource.Article, 3, "VPN disconnects every few minutes", "Replace the VPN profile from the portal.", 12);
    private static readonly Suggestion VpnRekey = new(SuggestionSource.ResolvedTicket, 17, "VPN drops after rekey", "Renewed the concentrator certificate.", 17);
    private static readonly Suggestion VpnInstall = new(SuggestionSource.ResolvedTicket, 18, "VPN client will not install", "Removed the old client first.", 18);
    private static readonly Suggestion VpnDrops = new(SuggestionSource.ResolvedTicket, 19, "VPN keeps dropping on hotel wifi", "Switched the client to TCP.", 19);
    private static readonly Suggestion VpnDropsAgain = new(SuggestionSource.ResolvedTicket, 20, "VPN dropped at home", "Updated the router firmware.", 20);

    [Fact]
    public void Raise_AwaitingKnowledge_NoCardNoPageNoAlertUntilTheIntake()
    {
        // Victor is a VIP and it is Saturday night: without the hold there would be a card, a page and a manager alert.
        var board = new Board(start: At.Utc(2026, 1, 10, 2));
        var number = board.Raise("VPN drops every 10 minutes", Victor);
        var raised = board.Last.ShouldHaveSingleItem();

        raised.Notifications.ShouldBeEmpty();
        raised.Kinds().ShouldBe([EventKind.Raised]);
        raised.Deadlines.ShouldBe([new Deadline(DeadlineKind.IntakeEnds, board.Now + EscalationEngine.KnowledgeStepTimeout, 1)]);
        board[number].Intake.ShouldBe(IntakeStage.Searching);

        var intake = board.Intake(number, IntakeFindings.None).ShouldHaveSingleItem();

        intake.Kinds().ShouldBe([EventKind.Queued, EventKind.Paged]);
        intake.CardTiers().ShouldBe([1]);
        intake.ManagerAlerts().ShouldHaveSingleItem().Text.ShouldContain("Victor (CFO, VIP) is a VIP");
        intake.DirectTo(Alice).Text.ShouldStartWith("Page");
        board[number].Intake.ShouldBe(IntakeStage.Done);
        board[number].NoCardYet.ShouldBeFalse();
    }

    [Fact]
    public void CompleteIntake_RelevantSuggestions_ThreeBestToTheReporterAndTheTier1Card()
    {
        var board = new Board();
        var number = board.Raise("VPN drops every 10 minutes", Uma);

        var d = board.Intake(number, new IntakeFindings([VpnFix, VpnInstall, VpnArticle, VpnRekey, VpnDrops, VpnDropsAgain], [])).ShouldHaveSingleItem();

        // The article written from INC-12 replaces INC-12's own fix; "will not install" shares only "VPN"; the fourth relevant one is left out.
        board[number].Suggestions.Select(s => s.Label).ShouldBe(["KB-3", "INC-000017", "INC-000019"]);
        var offer = d.DirectTo(Uma);
        offer.Actions.ShouldBe([TicketActions.Fixed, TicketActions.StillBroken]);
        offer.Text.ShouldBe($"{board[number].Key}: these fixed similar problems:\n" +
            "1. VPN disconnects every few minutes — Replace the VPN profile from the portal. (KB-3)\n" +
            "2. VPN drops after rekey — Renewed the concentrator certificate. (INC-000017)\n" +
            "3. VPN keeps dropping on hotel wifi — Switched the client to TCP. (INC-000019)\n" +
            "Did one of them fix it?");
        d.Single(EventKind.SuggestionsOffered).Note.ShouldBe("3");
        d.CardTiers().ShouldBe([1]);
        TicketViews.Card(board[number], board.Policy, board.Now).Suggestions.Count.ShouldBe(3);
    }

    [Fact]
    public void CompleteIntake_NothingRelevant_NoOfferAndTheCardGoesOut()
    {
        var board = new Board();
        var number = board.Raise("Printer on floor 3 jams", Uma);

        var d = board.Intake(number, new IntakeFindings([VpnFix, VpnInstall], [])).ShouldHaveSingleItem();

        d.DirectsTo(Uma).ShouldBeEmpty();
        d.Kinds().ShouldBe([EventKind.Queued]);
        d.CardTiers().ShouldBe([1]);
        board[number].Suggestions.ShouldBeEmpty();
    }

    [Fact]
    public void Tick_KnowledgeStepNeverRan_CardGoesOutAfterAMinuteWithoutSuggestions()
    {
        var board = new Board();
        var number = board.Raise("VPN drops every 10 minutes", Uma);
        board.Advance(TimeSpan.FromSeconds(59));
        board.Tick(number).Changed.ShouldBeFalse();

        board.Advance(TimeSpan.FromSeconds(1));
        var d = board.Tick(number);

        d.Single(EventKind.Queued).Text.ShouldBe("The knowledge step did not run in time: sent to the Tier 1 – Service Desk queue without suggestions.");
        d.CardTiers().ShouldBe([1]);
        // A late intake (the search came back after all) changes nothing.
        board.Intake(number, new IntakeFindings([VpnFix], [])).ShouldHaveSingleItem().Changed.ShouldBeFalse();
    }

    [Fact]
    public void Accept_WhileTheCardIsHeld_RefusedSayingWhy()
    {
        var board = new Board();
        var number = board.Raise("VPN drops every 10 minutes", Uma);

        board.Refuse(number, new AcceptTicket(Alice)).Reason.ShouldBe(
            "INC-000041 was just raised and is being checked against the knowledge base; it reaches the Tier 1 – Service Desk queue in a moment.");
    }

    [Fact]
    public void ResolveSelfService_ReporterSaysThisFixedIt_ResolvedAsDeflected()
    {
        var board = new Board();
        var number = board.Raise("VPN drops every 10 minutes", Uma);
        board.Intake(number, new IntakeFindings([VpnFix], []));
        board.Advance(TimeSpan.FromMinutes(3));

        var d = board.Do(number, new ResolveSelfService(Uma)).ShouldHaveSingleItem();

        var t = board[number];
        (t.Status, t.SelfService, t.ResolvedAt).ShouldBe((TicketStatus.Resolved, true, board.Now));
        t.Resolution.ShouldBe("Fixed by the reporter with a suggestion: VPN drops every 10 minutes (INC-000012).");
        d.Kinds().ShouldBe([EventKind.Deflected]);
        d.CardTiers().ShouldBe([1]);
        d.DirectsTo(Uma).ShouldBeEmpty();
        d.Reply.ShouldBe("Glad it is fixed: INC-000041 is resolved. If it comes back, reopen it within 7 days.");
        // Reopened, it is an ordinary ticket again: a technician's fix later is a real fix.
        board.Do(number, new ReopenTicket(Uma, "It dropped again"));
        board[number].SelfService.ShouldBeFalse();
    }

    [Fact]
    public void ResolveSelfService_NotTheReporterOrNoSuggestions_Refused()
    {
        var board = new Board();
        var offered = board.Raise("VPN drops every 10 minutes", Uma);
        board.Intake(offered, new IntakeFindings([VpnFix], []));
        var plain = board.RaiseQueued("Printer on floor 3 jams", Uma);

        board.Refuse(offered, new ResolveSelfService(Alice)).Code.ShouldBe(RefusalCode.NotAllowed);
        board.Refuse(plain, new ResolveSelfService(Uma)).Reason.ShouldBe($"No suggestions were offered for {TicketKey.Format(plain)}.");
    }

    [Fact]
    public void KeepTicketOpen_StillBroken_NothingChanges()
    {
        var board = new Board();
        var number = board.Raise("VPN drops every 10 minutes", Uma);
        board.Intake(number, new IntakeFindings([VpnFix], []));
        var before = board[number];

        var d = board.Do(number, new KeepTicketOpen(Uma)).ShouldHaveSingleItem();

        d.Changed.ShouldBeFalse();
        d.Reply.ShouldBe("Thanks for trying: INC-000041 stays open. A Tier 1 – Service Desk technician will pick it up.");
        board[number].ShouldBe(before);
    }
}
