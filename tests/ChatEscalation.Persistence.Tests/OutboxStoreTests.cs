using ChatEscalation.Core.Commands;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

public sealed class OutboxStoreTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task TicketOfThreadAsync_SourceThreadOrOwnMessage_FindsTheTicketAndSaysWhich()
    {
        using var h = new Harness(database.NewContext, T0);
        var thread = new Core.Tickets.SourceThread("C0GENERAL", "1773136700.000100");
        var raised = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "VPN drops every 10 minutes", SourceThread: thread))).Ticket!.Number;
        var other = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", "Printer jams on floor 2"))).Ticket!.Number;
        var outbox = h.Outbox();
        var posted = (await RowsAsync(other)).First(); // one of the bot's messages about the other ticket
        await outbox.MarkSentAsync(posted.Id, "1773136800.000200", T0);

        (await outbox.TicketOfThreadAsync("slack", "C0GENERAL", "1773136700.000100", ownMessagesToo: false)).ShouldBe(new ThreadTicket(raised, RaisedThere: true));
        (await outbox.TicketOfThreadAsync(posted.Platform, "D0UMA", "1773136800.000200", ownMessagesToo: true)).ShouldBe(new ThreadTicket(other, RaisedThere: false));
        (await outbox.TicketOfThreadAsync(posted.Platform, "D0UMA", "1773136800.000200", ownMessagesToo: false)).ShouldBeNull(); // a channel: only raised-from threads
        (await outbox.TicketOfThreadAsync("teams", "C0GENERAL", "1773136700.000100", ownMessagesToo: true)).ShouldBeNull(); // another platform
        (await outbox.TicketOfThreadAsync("slack", "C0GENERAL", "1773136700.999999", ownMessagesToo: true)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_SeveralMessagesPerTicket_HandsOutOnlyTheOldestPerPlatformInOrder()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        var all = await RowsAsync(number);
        var outbox = h.Outbox();

        var delivered = new List<long>();
        for (var round = 0; round < 20; round++)
        {
            var batch = (await ClaimDueAsync(outbox, T0.AddMinutes(1))).Where(o => o.TicketNumber == number).ToList();
            if (batch.Count == 0) break;
            batch.GroupBy(o => o.Platform).ShouldAllBe(g => g.Count() == 1);
            (await ClaimDueAsync(outbox, T0.AddMinutes(1))).ShouldNotContain(o => o.TicketNumber == number);
            foreach (var m in batch)
            {
                m.Id.ShouldBe(all.Where(o => o.Platform == m.Platform && !delivered.Contains(o.Id)).Min(o => o.Id));
                await outbox.MarkSentAsync(m.Id, $"ts-{m.Id}", T0.AddMinutes(1));
                delivered.Add(m.Id);
            }
        }

        delivered.Order().ShouldBe(all.Select(o => o.Id));
        foreach (var platform in all.Select(o => o.Platform).Distinct())
            delivered.Where(id => all.Single(o => o.Id == id).Platform == platform).ShouldBeInOrder();
        (await RowsAsync(number)).ShouldAllBe(o => o.State == OutboxState.Sent && o.PlatformMessageId == $"ts-{o.Id}");
    }

    [Fact]
    public async Task Claim_RetryLaterThenPark_HoldsTheLineUntilParked()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Wifi is down on floor 3"))).Ticket!.Number;
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        var outbox = h.Outbox();
        var now = T0.AddMinutes(1);
        var first = (await ClaimDueAsync(outbox, now)).Single(o => o.TicketNumber == number && o.Platform == "local");

        await outbox.MarkRetryAsync(first.Id, "HTTP 503", now.AddMinutes(5));
        (await ClaimDueAsync(outbox, now)).ShouldNotContain(o => o.TicketNumber == number && o.Platform == "local");
        await outbox.ParkAsync(first.Id, "channel_not_found");
        var next = (await ClaimDueAsync(outbox, now)).Single(o => o.TicketNumber == number && o.Platform == "local");

        next.Id.ShouldBeGreaterThan(first.Id);
        var parked = (await RowsAsync(number)).Single(o => o.Id == first.Id);
        (parked.State, parked.Attempts, parked.LastError).ShouldBe((OutboxState.Parked, 2, "channel_not_found"));
        (await outbox.CountParkedAsync()).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Claim_ClaimLeaseExpired_HandsTheMessageOutAgain()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Laptop will not boot"))).Ticket!.Number;
        var outbox = h.Outbox();
        var claimed = (await ClaimDueAsync(outbox, T0)).Where(o => o.TicketNumber == number).Select(o => o.Id).ToList();
        claimed.ShouldNotBeEmpty();

        (await ClaimDueAsync(outbox, T0.AddMinutes(1))).Where(o => o.TicketNumber == number).ShouldBeEmpty();
        var again = (await ClaimDueAsync(outbox, T0 + Outbox.OutboxStore.ClaimLease)).Where(o => o.TicketNumber == number).ToList();
        again.Select(o => o.Id).ShouldBe(claimed);
        again.ShouldAllBe(o => o.Uncertain); // the first dispatcher may have delivered them before it died
    }

    [Fact]
    public async Task ClaimAsync_TwoDispatchersRaceForOneMessage_OnlyOneGetsIt()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Docking station dead"))).Ticket!.Number;
        var due = (await h.Outbox().DueAsync(T0)).First(o => o.TicketNumber == number);
        var copy = (await h.Outbox().DueAsync(T0)).First(o => o.Id == due.Id);

        var first = await h.Outbox().ClaimAsync(due, T0);
        var second = await h.Outbox().ClaimAsync(copy, T0);

        first.ShouldNotBeNull().Uncertain.ShouldBeFalse();
        second.ShouldBeNull();
    }

    [Fact]
    public async Task MarkUnconfirmed_MessageLeavesTheLineAndCanBeSentAgainByAPerson()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Monitor flickers"))).Ticket!.Number;
        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));
        var outbox = h.Outbox();
        var first = (await ClaimDueAsync(outbox, T0)).Single(o => o.TicketNumber == number && o.Platform == "local");
        await outbox.MarkRetryAsync(first.Id, "timeout", T0, uncertain: true);
        await outbox.MarkUnconfirmedAsync(first.Id, "no answer; the platform cannot be asked");

        (await outbox.CountUnconfirmedAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await ClaimDueAsync(outbox, T0)).ShouldContain(o => o.TicketNumber == number && o.Id > first.Id); // the line moves on
        (await outbox.RequeueParkedAsync(first.Id, T0.AddMinutes(1))).ShouldBeTrue();
        var requeued = (await RowsAsync(number)).Single(o => o.Id == first.Id);
        (requeued.State, requeued.Uncertain, requeued.Attempts).ShouldBe((OutboxState.Pending, false, 0));
    }

    /// <summary>Claims every message due now, as a dispatcher would one by one.</summary>
    private static async Task<List<OutboxMessage>> ClaimDueAsync(Outbox.OutboxStore outbox, DateTimeOffset now)
    {
        var claimed = new List<OutboxMessage>();
        foreach (var due in await outbox.DueAsync(now))
        {
            if (await outbox.ClaimAsync(due, now) is { } message) claimed.Add(message);
        }

        return claimed;
    }

    [Fact]
    public async Task UpsertChatMessageAsync_SecondPost_ReplacesTheReference()
    {
        using var h = new Harness(database.NewContext, T0);
        var outbox = h.Outbox();
        await outbox.UpsertChatMessageAsync(new ChatMessageRow { TicketNumber = 7, Platform = "slack", Channel = "tier-1", ChannelId = "C1", MessageId = "1.1", UpdatedAt = T0 });
        await outbox.UpsertChatMessageAsync(new ChatMessageRow { TicketNumber = 7, Platform = "slack", Channel = "tier-1", ChannelId = "C1", MessageId = "2.2", UpdatedAt = T0.AddMinutes(1) });

        var stored = (await outbox.GetChatMessageAsync(7, "slack", "tier-1"))!;
        (stored.MessageId, stored.UpdatedAt).ShouldBe(("2.2", T0.AddMinutes(1)));
        (await outbox.GetChatMessageAsync(7, "teams", "tier-1")).ShouldBeNull();
    }

    [Fact]
    public async Task MarkSentAsync_WithTheCopyItPosted_BothWritten()
    {
        using var h = new Harness(database.NewContext, T0);
        var (outbox, number, posted) = await RaisedAsync(h, "VPN drops every 10 minutes");

        await outbox.MarkSentAsync(posted.Id, "1.1", T0, Copy(number, "1.1"));

        (await RowsAsync(number)).Single(o => o.Id == posted.Id).State.ShouldBe(OutboxState.Sent);
        (await outbox.GetChatMessageAsync(number, "slack", "tier-1"))!.MessageId.ShouldBe("1.1");
    }

    [Fact]
    public async Task MarkSentAsync_TheCopyCannotBeWritten_NeitherIsWritten()
    {
        using var h = new Harness(database.NewContext, T0);
        var (outbox, number, posted) = await RaisedAsync(h, "Printer jams on floor 2");
        var unwritable = Copy(number, "2.2");
        unwritable.ChannelId = null!; // NOT NULL in the table

        await Should.ThrowAsync<DbUpdateException>(() => outbox.MarkSentAsync(posted.Id, "2.2", T0, unwritable));

        (await RowsAsync(number)).Single(o => o.Id == posted.Id).State.ShouldBe(posted.State); // still to be sent: its retry checks the platform first
        (await outbox.GetChatMessageAsync(number, "slack", "tier-1")).ShouldBeNull();
    }

    /// <summary>A ticket raised through Slack: the store, its number and its first outbox message.</summary>
    private async Task<(OutboxStore Outbox, long Number, OutboxMessage First)> RaisedAsync(Harness h, string title)
    {
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "slack", title))).Ticket!.Number;
        return (h.Outbox(), number, (await RowsAsync(number)).First());
    }

    private static ChatMessageRow Copy(long number, string messageId) =>
        new() { TicketNumber = number, Platform = "slack", Channel = "tier-1", ChannelId = "C1", MessageId = messageId, UpdatedAt = T0 };

    private async Task<List<OutboxMessage>> RowsAsync(long number)
    {
        await using var db = database.NewContext();
        return await db.OutboxMessages.Where(o => o.TicketNumber == number).OrderBy(o => o.Id).ToListAsync();
    }
}
