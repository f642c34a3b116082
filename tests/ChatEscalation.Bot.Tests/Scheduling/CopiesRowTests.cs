using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Scheduling;

/// <summary>
/// The copies row each change writes per platform: with a copy to edit it is claimed and the copy edited; with none (most platforms,
/// most changes) it is marked sent in one write, without a claim and without a send.
/// </summary>
public sealed class CopiesRowTests
{
    [Fact]
    public async Task DispatchNowAsync_CopiesRowWithNothingToEdit_SentWithoutAClaimOrASend()
    {
        var sender = new ScriptedSender(new FakeTimeProvider(SchedulingHost.T0));
        await using var host = await SchedulingHost.StartAsync(sender, time: sender.Time);
        var ticket = await host.RaiseAsync("VPN drops every 10 minutes");
        await host.Runner.DispatchNowAsync(); // the queue card is posted: its copy is recorded
        await host.RunAsync(ticket, new AcceptTicket(host.Person("alice@demo.local")));
        await host.Runner.DispatchNowAsync();

        // The Accept's own card row brings the queue card up to date; its copies row has nothing left to edit.
        var copies = (await host.OutboxAsync()).Where(o => o.TicketNumber == ticket && o.Audience == "copies").ShouldHaveSingleItem();
        (copies.State, copies.Attempts, copies.PlatformMessageId).ShouldBe((OutboxState.Sent, 1, "0"));
        copies.NextAttemptAt.ShouldBe(copies.CreatedAt); // never claimed: a claim moves it to the end of its lease
        sender.Attempts.ShouldNotContain(a => a.Delivery.MessageId == copies.Id);
    }

    [Fact]
    public async Task DispatchNowAsync_CopiesRowWithACopyToEdit_ClaimedAndTheCopyEdited()
    {
        var sender = new ScriptedSender(new FakeTimeProvider(SchedulingHost.T0));
        await using var host = await SchedulingHost.StartAsync(sender, time: sender.Time);
        var ticket = await host.RaiseAsync("VPN drops every 10 minutes");
        await host.Runner.DispatchNowAsync();
        await host.RunAsync(ticket, new AddNote(host.Person("alice@demo.local"), "Renewing the VPN certificate"));
        await host.Runner.DispatchNowAsync();

        var outbox = await host.OutboxAsync();
        var card = outbox.Single(o => o.TicketNumber == ticket && o.Audience == "tier-1");
        var copies = outbox.Where(o => o.TicketNumber == ticket && o.Audience == "copies").ShouldHaveSingleItem();
        copies.State.ShouldBe(OutboxState.Sent);
        copies.NextAttemptAt.ShouldBeGreaterThan(copies.CreatedAt); // claimed
        var edit = sender.Delivered.Select(d => d.Delivery).Where(d => d.MessageId == copies.Id).ShouldHaveSingleItem();
        (edit.EditCopy?.MessageId, edit.Ticket.Version).ShouldBe(($"m{card.Id}", 2)); // the queue card posted at the raise, now with the note
    }
}
