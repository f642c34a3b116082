using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChatEscalation.Tests.Shared;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>
/// The SQLite single writer: what is queued while it works commits in one transaction, each caller gets its own result, order per
/// ticket holds, races give one owner, and a failing operation fails alone. Batches are made deterministic by holding the writer on a
/// first operation (its answer callback waits) while the others queue.
/// </summary>
public sealed class GroupCommitWriterTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task RaiseAsync_FortyQueuedWhileTheWriterIsBusy_AllRaisedWithConsecutiveNumbersInOneMoreTransaction()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var before = writer.Transactions;

        var results = await WhileHeldAsync(h, writer, () => Enumerable.Range(0, 40).Select(i => Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", $"Printer {i} jams"))));

        var numbers = results.Select(r => r.Ticket!.Number).ToList();
        numbers.ShouldBe(numbers.Order().ToList()); // queued order is commit order
        (numbers[^1] - numbers[0]).ShouldBe(39);
        (writer.Transactions - before).ShouldBe(2); // the held one, then the forty together
        foreach (var n in numbers) (await h.Workflow().GetAsync(n)).ShouldNotBeNull();
    }

    [Fact]
    public async Task ExecuteAsync_LinkAndTheParentsResolveThroughTheWriter_FollowUpsCommittedWithTheirCommandInATransactionOfItsOwn()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var parent = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Wifi down in building C"))).Ticket!.Number;
        var report = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(new UserRef("ravi@demo.local", "Ravi"), "local", "No wifi in building C"))).Ticket!.Number;
        var before = writer.Operations;

        (await Workflow(h, writer).ExecuteAsync(report, new LinkTicket(Alice, parent))).Succeeded.ShouldBeTrue();
        (await Workflow(h, writer).ExecuteAsync(parent, new AcceptTicket(Alice))).Succeeded.ShouldBeTrue();
        (await Workflow(h, writer).ExecuteAsync(parent, new ResolveTicket(Alice, "Restarted the access points"))).Succeeded.ShouldBeTrue();

        (await h.Workflow().GetAsync(parent))!.Reports.Select(r => r.TicketNumber).ShouldBe([report]);
        (await h.Workflow().GetAsync(report))!.Status.ShouldBe(TicketStatus.Resolved); // the cascade committed with the parent's resolve
        (writer.Operations - before).ShouldBe(1); // only the accept was committed by the writer: the link and the resolve set off follow-ups
    }

    [Fact]
    public async Task RaiseAsync_OneOperationThrowsInsideABatch_FailsAloneAndTheRestCommit()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var failing = new Inbound(new InboundReceipt("slack", "failing-" + Guid.NewGuid()), _ => throw new InvalidOperationException("renderer broke"));
        Task<CommandResult>? bad = null;

        var good = await WhileHeldAsync(h, writer, () =>
        {
            var first = Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Printer A jams"));
            bad = Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Printer B jams"), failing);
            return [first, Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Printer C jams"))];
        });

        (await Should.ThrowAsync<InvalidOperationException>(bad!)).Message.ShouldBe("renderer broke");
        good.ShouldAllBe(r => r.Succeeded);
        (good[1].Ticket!.Number - good[0].Ticket!.Number).ShouldBe(1); // the failed raise's number was rolled back with it
        await using var db = database.NewContext();
        (await db.InboundEvents.AnyAsync(e => e.EventId == failing.Receipt!.Key)).ShouldBeFalse();
        (await db.Tickets.CountAsync(t => t.Number == good[0].Ticket!.Number || t.Number == good[1].Ticket!.Number)).ShouldBe(2);
    }

    [Fact]
    public async Task ExecuteAsync_AcceptThenResolveOfOneTicketInOneBatch_CommitInQueuedOrder()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var number = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Printer on floor 2 jams"))).Ticket!.Number;

        var results = await WhileHeldAsync(h, writer, () =>
        [
            Workflow(h, writer).ExecuteAsync(number, new AcceptTicket(Alice)),
            Workflow(h, writer).ExecuteAsync(number, new ResolveTicket(Alice, "Cleared the paper path")),
        ]);

        results.ShouldAllBe(r => r.Succeeded);
        (await h.Workflow().GetAsync(number))!.Status.ShouldBe(TicketStatus.Resolved);
        (await h.Workflow().EventsAsync(number)).Select(e => e.Kind).ShouldBe([EventKind.Raised, EventKind.Accepted, EventKind.Resolved], ignoreOrder: false);
    }

    [Fact]
    public async Task ExecuteAsync_ACommand_DecidedByItsCallerAndOnlyWrittenByTheWriter()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var number = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Headset crackles"))).Ticket!.Number;
        var before = (writer.PreparedWrites, writer.Operations);

        var accepted = await Workflow(h, writer).ExecuteAsync(number, new AcceptTicket(Alice), new Inbound(new InboundReceipt("slack", "accept:" + Guid.NewGuid())));

        accepted.Succeeded.ShouldBeTrue();
        (writer.PreparedWrites - before.PreparedWrites).ShouldBe(1);
        (writer.Operations - before.Operations).ShouldBe(1);
        (await h.Workflow().GetAsync(number))!.Owner.ShouldBe(Alice);
    }

    [Fact]
    public async Task RaiseAsync_ARaise_NumberedAndDecidedByItsCallerOnlyWrittenByTheWriter_CounterStoredForTheNextProcess()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var before = writer.PreparedWrites;

        var raised = await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Laptop fan is loud"), new Inbound(new InboundReceipt("slack", "raise:" + Guid.NewGuid())));

        raised.Succeeded.ShouldBeTrue();
        (writer.PreparedWrites - before).ShouldBe(1);
        (await StoredCounterAsync()).ShouldBe(raised.Ticket!.Number);
        var restarted = await Workflow(h, NewWriter(h)).RaiseAsync(new RaiseTicket(Uma, "local", "Laptop fan is still loud"));
        restarted.Ticket!.Number.ShouldBe(raised.Ticket.Number + 1);
    }

    [Fact]
    public async Task RaiseAsync_RefusedCancelledAndRepeatedRaisesBetweenOthers_UseNoNumber()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var receipt = new InboundReceipt("slack", "command:" + Guid.NewGuid());
        using var cancel = new CancellationTokenSource();
        Task<CommandResult>? cancelled = null;

        var results = await WhileHeldAsync(h, writer, () =>
        {
            var first = Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "slack", "Scanner offline"), new Inbound(receipt));
            var repeat = Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "slack", "Scanner offline"), new Inbound(receipt));
            var refused = Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "?"));
            cancelled = Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Projector has no signal"), Inbound.None, cancel.Token);
            cancel.Cancel(); // queued with its number, cancelled before the writer reaches it
            return [first, repeat, refused];
        });
        var next = await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Keyboard missing keys"));
        var after = await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Mouse double-clicks"));

        results[1].Repeated.ShouldBeTrue();
        results[2].Succeeded.ShouldBeFalse();
        await Should.ThrowAsync<OperationCanceledException>(cancelled!);
        // The repeat's and the cancelled raise's numbers were handed out again: no gap after the first.
        new[] { results[0], next, after }.Select(r => r.Ticket!.Number - results[0].Ticket!.Number).Order().ShouldBe([0, 1, 2]);
        (await StoredCounterAsync()).ShouldBe(results[0].Ticket!.Number + 2);
    }

    [Fact]
    public async Task RaiseAsync_FiftyRaisesAndTenRefusalsOnParallelThreads_NumbersUniqueAndWithoutGaps()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var last = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Desk phone has no tone"))).Ticket!.Number;

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", i % 6 == 5 ? "?" : $"Desk phone {i} has no tone")))));

        results.Count(r => !r.Succeeded).ShouldBe(10);
        results.Where(r => r.Succeeded).Select(r => r.Ticket!.Number).Order().ShouldBe(Enumerable.Range(1, 50).Select(n => last + n));
        (await StoredCounterAsync()).ShouldBe(last + 50);
        await using var db = database.NewContext();
        (await db.Tickets.CountAsync(t => t.Number > last)).ShouldBe(50);
    }

    [Fact]
    public async Task RaiseAsync_AnotherProcessTookTheNextNumber_RaisedWithTheNextFreeOne()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var first = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Badge reader rejects me"))).Ticket!.Number;
        var elsewhere = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Badge reader at door 4 too"))).Ticket!.Number; // its own counter
        elsewhere.ShouldBe(first + 1);

        var raised = await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Badge reader at door 5 as well")); // this writer's memory says first + 1
        var then = await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Turnstile stuck"));

        raised.Succeeded.ShouldBeTrue();
        raised.Ticket!.Number.ShouldBe(first + 2);
        then.Ticket!.Number.ShouldBe(first + 3);
        (await h.Workflow().GetAsync(first + 1))!.Title.ShouldBe("Badge reader at door 4 too");
        (await StoredCounterAsync()).ShouldBe(first + 3);
    }

    [Fact]
    public async Task WarmUpAsync_ARaiseAndAnAcceptPerPlatform_RunAndLeaveNothingBehind()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var last = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Webcam shows black"))).Ticket!.Number;
        var before = await RowCountsAsync();

        var db = h.Context();
        var atIntake = new TicketWorkflow(db, h.Time, new FixedPolicyProvider(Harness.Policy), Harness.Writer, new InboundEventStore(db, writer.Recent), h.Wakeups,
            new Persistence.Knowledge.KnowledgeSettings(AtIntake: true), writer);
        var steps = await atIntake.WarmUpAsync(["slack", "teams", "local"]);
        var after = await RowCountsAsync();
        var next = await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Webcam still black"));

        steps.ShouldBe(9); // per platform: a raise held for the knowledge step, a raise queued at once and its Accept
        after.ShouldBe(before);
        next.Ticket!.Number.ShouldBe(last + 1);
        (await h.Workflow().GetAsync(last + 1))!.Title.ShouldBe("Webcam still black");
    }

    private sealed record RowCounts(int Tickets, int Events, int Deadlines, int Outbox, int Receipts, int People, long Counter);

    private async Task<RowCounts> RowCountsAsync()
    {
        await using var db = database.NewContext();
        return new(await db.Tickets.CountAsync(), await db.TicketEvents.CountAsync(), await db.Deadlines.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.InboundEvents.CountAsync(), await db.PlatformUsers.CountAsync(), await StoredCounterAsync());
    }

    [Fact]
    public async Task ExecuteAsync_TheTicketChangesBetweenDecisionAndWrite_DecidedAgainOnTheNewVersion()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var number = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Docking station drops the screens"))).Ticket!.Number;
        var version = (await h.Workflow().GetAsync(number))!.Version;
        var before = writer.PreparedWrites;

        // Both are decided on the same version before the writer runs; the note is written first, so the accept's version is gone.
        var results = await WhileHeldAsync(h, writer, () =>
        [
            Workflow(h, writer).ExecuteAsync(number, new AddNote(Uma, "It started after the update")),
            Workflow(h, writer).ExecuteAsync(number, new AcceptTicket(Alice)),
        ]);

        results.ShouldAllBe(r => r.Succeeded);
        (writer.PreparedWrites - before).ShouldBe(1); // the note as decided; the accept decided again by the writer
        var ticket = (await h.Workflow().GetAsync(number))!;
        ticket.Owner.ShouldBe(Alice);
        ticket.Version.ShouldBe(version + 2);
        (await h.Workflow().EventsAsync(number)).Select(e => e.Kind).ShouldBe([EventKind.Raised, EventKind.NoteAdded, EventKind.Accepted], ignoreOrder: false);
    }

    [Fact]
    public async Task ExecuteAsync_RacingAcceptsThroughTheWriterAndAnotherInstance_ExactlyOneOwner()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var number = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        var direct = Tier1Crowd.Take(4).Select(u => (User: u, Workflow: h.Workflow())).ToList(); // another instance: one transaction each

        using var start = new ManualResetEventSlim();
        var racing = direct.Select(d => Task.Run(async () => { start.Wait(); return (d.User, Result: await d.Workflow.ExecuteAsync(number, new AcceptTicket(d.User))); })).ToList();
        var grouped = await WhileHeldAsync(h, writer, () =>
        {
            start.Set();
            return Tier1Crowd.Skip(4).Select(u => Workflow(h, writer).ExecuteAsync(number, new AcceptTicket(u)));
        });
        var all = (await Task.WhenAll(racing)).Select(r => r.Result).Concat(grouped).ToList();

        all.Count(r => r.Succeeded).ShouldBe(1);
        var owner = (await h.Workflow().GetAsync(number))!.Owner.ShouldNotBeNull();
        all.Where(r => !r.Succeeded).ShouldAllBe(r => r.Message == $"{TicketKey.Format(number)} is already owned by {owner.Name}.");
        (await h.Workflow().EventsAsync(number)).Count(e => e.Kind == EventKind.Accepted).ShouldBe(1);
    }

    [Fact]
    public async Task RaiseAsync_SameReceiptTwiceInOneBatch_RaisedOnceAndTheOtherIsARepeat()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var receipt = new InboundReceipt("slack", "command:" + Guid.NewGuid());

        var results = await WhileHeldAsync(h, writer, () =>
        [
            Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "slack", "Monitor flickers"), new Inbound(receipt)),
            Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "slack", "Monitor flickers"), new Inbound(receipt)),
        ]);

        results[0].Succeeded.ShouldBeTrue();
        results[1].Repeated.ShouldBeTrue();
        await using var db = database.NewContext();
        (await db.Tickets.MaxAsync(t => t.Number)).ShouldBe(results[0].Ticket!.Number);
        (await db.InboundEvents.CountAsync(e => e.EventId == receipt.StoredKey)).ShouldBe(1);
    }

    [Fact]
    public async Task RaiseAsync_ReceiptCommittedByAnotherProcess_RepeatFromTheDatabaseNotMemory()
    {
        using var h = new Harness(database.NewContext, T0);
        var receipt = new InboundReceipt("slack", "command:" + Guid.NewGuid());
        var first = await Workflow(h, NewWriter(h)).RaiseAsync(new RaiseTicket(Uma, "slack", "Dock is dead"), new Inbound(receipt));
        var elsewhere = NewWriter(h); // a fresh memory: a restart, or the other instance

        var again = await Workflow(h, elsewhere).RaiseAsync(new RaiseTicket(Uma, "slack", "Dock is dead"), new Inbound(receipt));
        var third = await Workflow(h, elsewhere).RaiseAsync(new RaiseTicket(Uma, "slack", "Dock is dead"), new Inbound(receipt));

        first.Succeeded.ShouldBeTrue();
        again.Repeated.ShouldBeTrue();
        third.Repeated.ShouldBeTrue(); // now remembered
        await using var db = database.NewContext();
        (await db.Tickets.MaxAsync(t => t.Number)).ShouldBe(first.Ticket!.Number);
    }

    [Fact]
    public async Task RecordAsync_RepeatedAnswerThroughTheWriter_FalseTheSecondTime()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var receipt = new InboundReceipt("slack", "event:" + Guid.NewGuid());
        var reply = new OutboxReply("slack", "D0UMA", Uma, "Your open tickets: none", null, "{}");

        (await Workflow(h, writer).RecordAsync(receipt, reply)).ShouldBeTrue();
        (await Workflow(h, NewWriter(h)).RecordAsync(receipt, reply)).ShouldBeFalse();

        await using var db = database.NewContext();
        (await db.OutboxMessages.CountAsync(o => o.IdempotencyKey == $"reply/slack/{receipt.Hash}")).ShouldBe(1);
    }

    [Fact]
    public async Task ExecuteAsync_AcceptDecidedOnTheCallersThread_ItsReadsShareOneConnectionOpen()
    {
        using var h = new Harness(database.NewContext, T0);
        var writer = NewWriter(h);
        var number = (await Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "Scanner on floor 3 is offline"))).Ticket!.Number;
        var db = h.Context();
        var workflow = new TicketWorkflow(db, h.Time, new FixedPolicyProvider(Harness.Policy), Harness.Writer, new InboundEventStore(db, writer.Recent), h.Wakeups, group: writer);
        using var opens = new ConnectionOpens(db);

        (await workflow.ExecuteAsync(number, new AcceptTicket(Alice))).Succeeded.ShouldBeTrue();

        opens.Count.ShouldBe(1); // the ticket's read and its deadlines' read: each opened it before
        db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Closed);
    }

    private async Task<long> StoredCounterAsync()
    {
        await using var db = database.NewContext();
        return await db.Counters.Where(c => c.Name == Rows.Counter.Tickets).Select(c => c.Value).SingleAsync();
    }

    private GroupCommitWriter NewWriter(Harness h) =>
        new(database.Services.GetRequiredService<IServiceScopeFactory>(), h.Wakeups, new RecentReceipts(), enabled: true);

    private static TicketWorkflow Workflow(Harness h, GroupCommitWriter writer)
    {
        var db = h.Context();
        return new(db, h.Time, new FixedPolicyProvider(Harness.Policy), Harness.Writer, new InboundEventStore(db, writer.Recent), h.Wakeups, group: writer);
    }

    /// <summary>
    /// Holds the writer on a refused raise whose answer waits (a refusal is answered by the writer; an accepted raise is decided on its
    /// caller's thread), queues the operations, then lets it go; returns their results in order.
    /// </summary>
    private static async Task<CommandResult[]> WhileHeldAsync(Harness h, GroupCommitWriter writer, Func<IEnumerable<Task<CommandResult>>> queue)
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var held = Workflow(h, writer).RaiseAsync(new RaiseTicket(Uma, "local", "?"),
            new Inbound(null, _ => { entered.Set(); release.Wait(); return null; }));
        entered.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        var queued = queue().ToList();
        release.Set();
        await held;
        return await Task.WhenAll(queued);
    }
}
