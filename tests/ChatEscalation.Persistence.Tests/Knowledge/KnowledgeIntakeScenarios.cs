using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Incidents;
using ChatEscalation.Core.Knowledge;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Knowledge;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests.Knowledge;

/// <summary>The knowledge step after the raise's commit, on every provider: suggestions, "Same problem?", and a failing search.</summary>
public static class KnowledgeIntakeScenarios
{
    public static async Task SuggestionsThenCardAsync(Func<EscalationDbContext> newContext, Func<EscalationDbContext, IKnowledgeSearch> search)
    {
        var tickets = new KnowledgeTickets(newContext, 5000);
        var fix = await tickets.ResolvedAsync("Outlook freezes when opening shared calendars", "Removed the stale shared calendar cache");
        using var h = new Harness(newContext, T0);

        var raised = await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Outlook freezes on shared calendars", AwaitKnowledge: true));
        var number = raised.Ticket!.Number;
        (await Scenarios.OutboxRows(newContext, number)).ShouldBeEmpty();
        h.Wakeups.Count.ShouldBe(1); // no row yet, but the dispatcher's pass runs the knowledge step: the held raise wakes it

        var decided = await Intake(h, search).RunPendingAsync();

        decided.ShouldBeGreaterThanOrEqualTo(1);
        var ticket = (await h.Workflow().GetAsync(number))!;
        ticket.Suggestions.ShouldBe([new Suggestion(SuggestionSource.ResolvedTicket, fix.Number, fix.Title, "Removed the stale shared calendar cache", fix.Number)]);
        ticket.Intake.ShouldBe(IntakeStage.Done);
        var rows = await Scenarios.OutboxRows(newContext, number);
        rows.Select(o => (o.Platform, o.Kind, o.Audience)).ShouldBe([
            ("slack", NotificationKind.Direct, $"dm:{Uma.Key}"),
            ("slack", NotificationKind.Card, "tier-1"), ("teams", NotificationKind.Card, "tier-1"), ("local", NotificationKind.Card, "tier-1"),
            // the step changed the ticket: every copy already posted (the reporter's answer) is brought up to date, one row per platform
            ("slack", NotificationKind.Card, "copies"), ("teams", NotificationKind.Card, "copies"), ("local", NotificationKind.Card, "copies")]);
        rows[0].ActionsJson.ShouldBe("[\"fixed\",\"still_broken\"]");
        h.Wakeups.Count.ShouldBe(2);
        await using (var db = newContext()) (await db.Tickets.SingleAsync(t => t.Number == number)).IntakePending.ShouldBeFalse();
        (await Intake(h, search).RunPendingAsync()).ShouldBe(0);
    }

    public static async Task SameProblemAskedAsync(Func<EscalationDbContext> newContext, Func<EscalationDbContext, IKnowledgeSearch> search)
    {
        var tickets = new KnowledgeTickets(newContext, 6000) { Now = T0 - TimeSpan.FromMinutes(10) };
        var parent = await tickets.OpenAsync("Badge readers reject every badge on site");
        using var h = new Harness(newContext, T0);

        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Pat(), "teams", "Badge reader rejects my badge", AwaitKnowledge: true))).Ticket!.Number;
        await Intake(h, search).RunPendingAsync();

        var ticket = (await h.Workflow().GetAsync(number))!;
        (ticket.Intake, ticket.SimilarTo).ShouldBe((IntakeStage.Asking, parent.Number));
        var ask = (await Scenarios.OutboxRows(newContext, number)).Where(o => o.Audience != "copies").ShouldHaveSingleItem();
        (ask.Platform, ask.Kind, ask.ActionsJson).ShouldBe(("teams", NotificationKind.Direct, "[\"me_too\",\"not_same\"]"));
        ask.Text.ShouldBe($"Looks like {parent.Key}: \"Badge readers reject every badge on site\" (1 report). Same problem?");
    }

    /// <summary>
    /// Two reports of one problem waiting for their steps, stepped in one pass (saved together when the step groups them): the earlier
    /// goes to the queue, the later is asked "Same problem?" about it, as when each was saved alone. Words no other scenario uses, so
    /// it shares a database with them (PostgreSQL) without either finding the other's tickets.
    /// </summary>
    public static async Task TwoReportsSteppedTogetherAsync(Func<EscalationDbContext> newContext, Func<Harness, KnowledgeIntake> intake)
    {
        using var h = new Harness(newContext, T0);
        var first = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Turnstiles at the east entrance refuse every visitor pass", AwaitKnowledge: true))).Ticket!.Number;
        var second = (await h.Workflow().RaiseAsync(new RaiseTicket(Pat(), "slack", "Turnstile at the east entrance refuses my visitor pass", AwaitKnowledge: true))).Ticket!.Number;

        (await intake(h).RunPendingAsync()).ShouldBeGreaterThanOrEqualTo(2);

        (await h.Workflow().GetAsync(first))!.Intake.ShouldBe(IntakeStage.Done);
        var later = (await h.Workflow().GetAsync(second))!;
        (later.Intake, later.SimilarTo).ShouldBe((IntakeStage.Asking, first));
        (await Scenarios.OutboxRows(newContext, first)).ShouldContain(o => o.Kind == NotificationKind.Card && o.Audience == "tier-1");
        (await Scenarios.OutboxRows(newContext, second)).ShouldNotContain(o => o.Audience == "tier-1");
    }

    public static async Task FailingSearchReleasesTheCardAsync(Func<EscalationDbContext> newContext)
    {
        using var h = new Harness(newContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Scanner on floor 5 is offline", AwaitKnowledge: true))).Ticket!.Number;

        await Intake(h, _ => new FailingSearch()).RunPendingAsync();

        var ticket = (await h.Workflow().GetAsync(number))!;
        (ticket.Intake, ticket.Suggestions.Count).ShouldBe((IntakeStage.Done, 0));
        (await Scenarios.OutboxRows(newContext, number)).Select(o => o.Kind).ShouldAllBe(k => k == NotificationKind.Card);
    }

    private static UserRef Pat() => KnowledgeTickets.Pat;

    private static KnowledgeIntake Intake(Harness h, Func<EscalationDbContext, IKnowledgeSearch> search)
    {
        var db = h.Context();
        return new KnowledgeIntake(db, search(db), h.Time, new FixedPolicyProvider(Harness.Policy), Harness.Writer, h.Wakeups);
    }

    private sealed class FailingSearch : IKnowledgeSearch
    {
        public Task<IReadOnlyList<Suggestion>> SuggestAsync(string text, int limit, CancellationToken ct = default) =>
            throw new InvalidOperationException("the search index is broken");

        public Task<IReadOnlyList<SimilarTicket>> SimilarOpenAsync(string text, string category, DateTimeOffset since, long except, int limit,
            IReadOnlyList<long> stepped, CancellationToken ct = default) =>
            throw new InvalidOperationException("the search index is broken");
    }
}
