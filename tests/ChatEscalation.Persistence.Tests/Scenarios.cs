using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Deadlines;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>Scenarios run against every provider (SQLite here, PostgreSQL in <see cref="PostgresTests"/>).</summary>
public static class Scenarios
{
    public static readonly HandoffNote ToTier2 = new("Reinstalled the VPN client and reset the profile", "Still drops every 10 minutes", "Check the VPN concentrator logs");
    public static readonly HandoffNote ToTier3 = new("Client logs show IKE rekey failures", "Rekey fails on the concentrator side", "Inspect the concentrator certificate");

    /// <summary>A repeat is refused without an error, per platform; the stored time is the model's (EF reads it back and prunes by it).</summary>
    public static async Task InboundDedupAndPruneAsync(Func<EscalationDbContext> newContext)
    {
        await using (var db = newContext())
        {
            var store = new Storage.InboundEventStore(db);
            (await store.TryRecordAsync(new("slack", "Ev-old"), T0)).ShouldBeTrue();
            (await store.TryRecordAsync(new("slack", "Ev-old"), T0.AddSeconds(5))).ShouldBeFalse();
            (await store.SeenAsync(new("slack", "Ev-old"))).ShouldBeTrue();
            (await store.TryRecordAsync(new("slack", "Ev-new"), T0.AddHours(2))).ShouldBeTrue();
            (await store.TryRecordAsync(new("teams", "Ev-old"), T0)).ShouldBeTrue();
            (await store.SeenAsync(new("teams", "Ev-unseen"))).ShouldBeFalse();
        }

        await using (var db = newContext())
        {
            var old = await db.InboundEvents.AsNoTracking().SingleAsync(e => e.Platform == "slack" && e.EventId == "Ev-old");
            old.ReceivedAt.ShouldBe(T0);
            (await new Storage.InboundEventStore(db).PruneAsync(T0.AddHours(1))).ShouldBeGreaterThanOrEqualTo(2);
            var left = await db.InboundEvents.AsNoTracking().Where(e => e.EventId.StartsWith("Ev-")).Select(e => e.EventId).ToListAsync();
            left.ShouldBe(["Ev-new"]);
        }
    }

    public static async Task FullTicketLifeAsync(Func<EscalationDbContext> newContext)
    {
        using var h = new Harness(newContext, T0);
        var raised = await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "VPN drops every 10 minutes"));
        raised.Succeeded.ShouldBeTrue(raised.Message);
        var number = raised.Ticket!.Number;
        raised.Message.ShouldStartWith($"{TicketKey.Format(number)} raised");
        (await OutboxRows(newContext, number)).Select(o => (o.Platform, o.Kind, o.Audience)).ShouldBe(
            [("slack", NotificationKind.Card, "tier-1"), ("teams", NotificationKind.Card, "tier-1"), ("local", NotificationKind.Card, "tier-1")]);
        await AssertDeadlinesMatch(newContext, number, raised.Decision!.Deadlines);

        var steps = new (UserRef Actor, TicketCommand Command)[]
        {
            (Alice, new AcceptTicket(Alice)),
            (Alice, new EscalateTicket(Alice, ToTier2)),
            (Carol, new AcceptTicket(Carol)),
            (Carol, new EscalateTicket(Carol, ToTier3)),
            (Erin, new AcceptTicket(Erin)),
            (Erin, new ResolveTicket(Erin, "Renewed the expired VPN concentrator certificate")),
            (Uma, new ReopenTicket(Uma, "It dropped again this morning")),
        };
        foreach (var (_, command) in steps)
        {
            h.Time.Advance(TimeSpan.FromMinutes(20));
            var result = await h.Workflow().ExecuteAsync(number, command);
            result.Succeeded.ShouldBeTrue($"{command.GetType().Name}: {result.Message}");
            await AssertDeadlinesMatch(newContext, number, result.Decision!.Deadlines);
        }

        var ticket = (await h.Workflow().GetAsync(number))!;
        ticket.Status.ShouldBe(TicketStatus.Queued);
        ticket.Tier.ShouldBe(3);
        ticket.Owner.ShouldBeNull();
        ticket.EscalationCount.ShouldBe(2);
        ticket.ReopenCount.ShouldBe(1);
        ticket.LastHandoff.ShouldBe(ToTier3);
        ticket.Version.ShouldBe(8);

        var events = await h.Workflow().EventsAsync(number);
        events.Select(e => e.Kind).ShouldBe([
            EventKind.Raised, EventKind.Accepted, EventKind.Escalated, EventKind.Accepted, EventKind.Escalated,
            EventKind.Accepted, EventKind.Resolved, EventKind.KnowledgeDrafted, EventKind.Reopened]);
        events.Select(e => e.Actor.Key).ShouldBe([Uma.Key, Alice.Key, Alice.Key, Carol.Key, Carol.Key, Erin.Key, Erin.Key, Erin.Key, Uma.Key]);
        events[2].Handoff.ShouldBe(ToTier2);
        events[2].FromTier.ShouldBe(1);
        events[4].Handoff.ShouldBe(ToTier3);
        events[4].FromTier.ShouldBe(2);
        events[1].At.ShouldBe(T0 + TimeSpan.FromMinutes(20));

        await using var db = newContext();
        var row = await db.Tickets.SingleAsync(t => t.Number == number);
        (row.Status, row.Tier, row.OwnerKey, row.ReporterKey, row.Version).ShouldBe((TicketStatus.Queued, 3, (string?)null, Uma.Key, 8));
        row.FirstAcceptedAt.ShouldBe(T0 + TimeSpan.FromMinutes(20));
        var article = await db.KnowledgeArticles.SingleAsync(k => k.TicketNumber == number);
        (article.FromTier, article.AuthorKey, article.Body).ShouldBe((3, Erin.Key, "Renewed the expired VPN concentrator certificate"));
    }

    public static async Task<List<OutboxMessage>> OutboxRows(Func<EscalationDbContext> newContext, long number)
    {
        await using var db = newContext();
        return await db.OutboxMessages.Where(o => o.TicketNumber == number).OrderBy(o => o.Id).ToListAsync();
    }

    /// <summary>The ticket's one stored deadline row is the earliest of the decision's set (none when nothing is pending), unclaimed.</summary>
    public static async Task AssertDeadlinesMatch(Func<EscalationDbContext> newContext, long number, IReadOnlyList<Deadline> expected)
    {
        await using var db = newContext();
        var stored = await db.Deadlines.Where(d => d.TicketNumber == number).ToListAsync();
        stored.Select(d => (d.Kind, d.DueAt.UtcTicks, d.Tier, d.ClaimedUntil)).ShouldBe(expected.OrderBy(d => d.DueAt).ThenBy(d => d.Kind).Take(1)
            .Select(d => (d.Kind, d.DueAt.UtcTicks, d.Tier, (DateTimeOffset?)null)));
    }
}
