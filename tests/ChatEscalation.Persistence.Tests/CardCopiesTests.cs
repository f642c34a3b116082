using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>The copies of a ticket: the outbox row that brings them up to date, their store, and pages that reached nobody.</summary>
public sealed class CardCopiesTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Write_RaiseThenAccept_CopiesRowPerEnabledPlatformLastInItsLane_OnlyForAChange()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "VPN drops every 10 minutes"))).Ticket!.Number;
        (await RowsAsync(number)).ShouldNotContain(o => o.Audience == "copies"); // nothing was posted before a raise

        await h.Workflow().ExecuteAsync(number, new AcceptTicket(Alice));

        var rows = await RowsAsync(number);
        var copies = rows.Where(o => o.Audience == "copies").ToList();
        copies.Select(o => o.Platform).ShouldBe([Platforms.Slack, Platforms.Teams, Platforms.Local], ignoreOrder: true);
        foreach (var copy in copies)
        {
            copy.Kind.ShouldBe(NotificationKind.Card);
            copy.AudienceOf().ShouldBe(Audience.Copies(1)); // the accept updates the Tier 1 card itself
            copy.Id.ShouldBe(rows.Where(o => o.Lane == copy.Lane).Max(o => o.Id));
            copy.TicketVersion.ShouldBe(2);
        }
    }

    [Fact]
    public async Task Write_InternalNoteThatSaysNothing_NoCopiesRow()
    {
        using var h = new Harness(database.NewContext, T0);
        var number = (await h.Workflow().RaiseAsync(new RaiseTicket(Uma, "local", "Printer jams on floor 2"))).Ticket!.Number;
        await h.Workflow().ExecuteAsync(number, new AddNote(Alice, "internal: Ordered a new roller"));

        (await RowsAsync(number)).ShouldNotContain(o => o.Audience == "copies");
    }

    [Fact]
    public async Task Store_RecordShownForget_RoundTripNewestFirst()
    {
        using var h = new Harness(database.NewContext, T0);
        var store = new CardCopyStore(h.Context(), h.Outbox());
        const long ticket = 9001;
        await store.RecordAsync(new ChatMessageRow { TicketNumber = ticket, Platform = "slack", Channel = "tier-1", ChannelId = "C1", MessageId = "1.1", UpdatedAt = T0, ShownVersion = 1 });
        await store.RecordAsync(new ChatMessageRow { TicketNumber = ticket, Platform = "slack", Channel = CardCopyStore.MessageKey(77), ChannelId = "C2", MessageId = "2.2", UpdatedAt = T0.AddMinutes(1), Actions = "take_over,reassign" });
        await store.RecordAsync(new ChatMessageRow { TicketNumber = ticket, Platform = "teams", Channel = "tier-1", ChannelId = "19:x", MessageId = "9", UpdatedAt = T0 });

        var slack = await store.ListAsync(ticket, "slack");
        slack.Select(c => c.Channel).ShouldBe(["msg:77", "tier-1"]);
        CardCopyStore.OutboxIdOf(slack[0].Channel).ShouldBe(77);
        CardCopyStore.OutboxIdOf("tier-1").ShouldBeNull();
        CardCopyStore.OutboxIdOf(CardCopyStore.ReplyKey("m17")).ShouldBeNull();

        await store.ShownAsync(slack[1], 4, null, T0.AddMinutes(5));
        await store.ForgetAsync(slack[0]);

        var after = (await store.ListAsync(ticket, "slack")).ShouldHaveSingleItem();
        (after.Channel, after.ShownVersion, after.UpdatedAt).ShouldBe(("tier-1", 4, T0.AddMinutes(5)));
        (await store.ListAsync(ticket, "teams")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ReportIfUnreached_PageSkippedOnEveryPlatform_OneManagerAlertPerManagerChannel_Once()
    {
        using var h = new Harness(database.NewContext, T0);
        var pages = await PagesAsync(9101, (Platforms.Slack, OutboxState.Skipped, "carol@demo.local is not known on Slack"),
            (Platforms.Teams, OutboxState.Parked, "Teams 403 BotNotInConversationRoster"), (Platforms.Local, OutboxState.Skipped, "platform 'local' is not enabled"));
        var unreached = new UnreachedPages(h.Context(), new FixedPolicyProvider(Policy), h.Wakeups);

        (await unreached.ReportIfUnreachedAsync(pages[^1], T0)).ShouldBeTrue();
        (await unreached.ReportIfUnreachedAsync(pages[0], T0)).ShouldBeFalse(); // another dispatcher's check: written once

        var alerts = (await RowsAsync(9101)).Where(o => o.Kind == NotificationKind.Alert).ToList();
        alerts.Select(a => a.Platform).ShouldBe([Platforms.Slack, Platforms.Local], ignoreOrder: true); // where the manager channel is set
        foreach (var alert in alerts)
        {
            alert.AudienceOf().ShouldBe(Audience.Managers);
            alert.Urgent.ShouldBeTrue();
            alert.ActionsOf().ShouldBe([TicketActions.AckPage, TicketActions.TakeOver]);
            alert.Text.ShouldContain("INC-009101: the page to Carol reached nobody");
            alert.Text.ShouldContain("carol@demo.local is not known on Slack; Teams 403 BotNotInConversationRoster");
            alert.Text.ShouldNotContain("not enabled");
            alert.State.ShouldBe(OutboxState.Pending);
        }

        h.Wakeups.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(9151, "slack", "slack")]              // the managers' channel on the enabled platform only, not the emulator's, which is off
    [InlineData(9152, "teams", "slack,local")]        // no enabled platform has a managers' channel: written where one is set, skipped visibly
    [InlineData(9153, "slack,local", "slack,local")]
    public async Task ReportIfUnreached_AlertWrittenForTheEnabledPlatformsWithAManagersChannel(long ticket, string enabled, string expected)
    {
        using var h = new Harness(database.NewContext, T0);
        var pages = await PagesAsync(ticket, (Platforms.Slack, OutboxState.Skipped, "carol@demo.local is not known on Slack"));
        var unreached = new UnreachedPages(h.Context(), new FixedPolicyProvider(Policy), h.Wakeups, new OutboxWriter(enabled.Split(',')));

        (await unreached.ReportIfUnreachedAsync(pages[0], T0)).ShouldBeTrue();

        var alerts = (await RowsAsync(ticket)).Where(o => o.Kind == NotificationKind.Alert).Select(a => a.Platform);
        alerts.ShouldBe(expected.Split(','), ignoreOrder: true);
    }

    [Fact]
    public async Task ReportIfUnreached_DeliveredOrStillPendingSomewhere_NothingReported()
    {
        using var h = new Harness(database.NewContext, T0);
        var delivered = await PagesAsync(9201, (Platforms.Slack, OutboxState.Skipped, "not known"), (Platforms.Teams, OutboxState.Sent, null));
        var pending = await PagesAsync(9202, (Platforms.Slack, OutboxState.Skipped, "not known"), (Platforms.Teams, OutboxState.Pending, null));
        var unreached = new UnreachedPages(h.Context(), new FixedPolicyProvider(Policy), h.Wakeups);

        (await unreached.ReportIfUnreachedAsync(delivered[0], T0)).ShouldBeFalse();
        (await unreached.ReportIfUnreachedAsync(pending[0], T0)).ShouldBeFalse();

        (await RowsAsync(9201)).Concat(await RowsAsync(9202)).ShouldNotContain(o => o.Kind == NotificationKind.Alert);
    }

    [Fact]
    public async Task ReportIfUnreached_DirectMessageThatIsNoPage_Ignored()
    {
        using var h = new Harness(database.NewContext, T0);
        var rows = await PagesAsync(9301, (Platforms.Slack, OutboxState.Skipped, "not known"));
        await using (var db = database.NewContext())
        {
            await db.OutboxMessages.Where(o => o.TicketNumber == 9301).ExecuteUpdateAsync(s => s.SetProperty(o => o.ActionsJson, "[]"));
        }

        var unreached = new UnreachedPages(h.Context(), new FixedPolicyProvider(Policy), h.Wakeups);
        rows[0].ActionsJson = "[]";
        (await unreached.ReportIfUnreachedAsync(rows[0], T0)).ShouldBeFalse();
    }

    /// <summary>One page to Carol (ticket version 3) per platform, already finished as given.</summary>
    private async Task<List<OutboxMessage>> PagesAsync(long ticket, params (string Platform, OutboxState State, string? Error)[] copies)
    {
        var to = Audience.To(Carol);
        var rows = copies.Select((c, i) => new OutboxMessage
        {
            TicketNumber = ticket, Platform = c.Platform, Kind = NotificationKind.Direct, Audience = to.ToString(), AudienceJson = TicketJson.Serialize(to),
            Text = "Page: INC … after hours. Acknowledge to take it.", ActionsJson = TicketJson.Serialize([TicketActions.AckPage]), Urgent = true,
            TicketVersion = 3, State = c.State, LastError = c.Error, NextAttemptAt = T0, CreatedAt = T0,
            IdempotencyKey = $"{ticket}/3/{i}/{c.Platform}", Lane = OutboxMessage.TicketLane(ticket, c.Platform),
        }).ToList();
        await using var db = database.NewContext();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }

    private async Task<List<OutboxMessage>> RowsAsync(long number)
    {
        await using var db = database.NewContext();
        return await db.OutboxMessages.Where(o => o.TicketNumber == number).OrderBy(o => o.Id).ToListAsync();
    }
}
