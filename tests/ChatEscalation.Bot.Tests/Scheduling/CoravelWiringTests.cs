using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Scheduling;

/// <summary>The host's Coravel wiring with <c>Scheduler:Enabled=true</c>: the jobs resolve, and deadlines missed while the bot was down are swept at start and delivered.</summary>
public sealed class CoravelWiringTests
{
    private static readonly Dictionary<string, string?> SchedulerOn = new() { ["Scheduler:Enabled"] = "true" };

    [Fact]
    public async Task StartAsync_SchedulerEnabled_JobsAndWakeupServiceResolve()
    {
        await using var host = await SchedulingHost.StartAsync(settings: SchedulerOn);
        await using var scope = host.Services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<SweepDueDeadlinesJob>().ShouldBeOfType<SweepDueDeadlinesJob>();
        scope.ServiceProvider.GetRequiredService<DispatchOutboxJob>().ShouldBeOfType<DispatchOutboxJob>();
        scope.ServiceProvider.GetRequiredService<Coravel.Scheduling.Schedule.Interfaces.IScheduler>().ShouldNotBeNull();
        host.Services.GetServices<IHostedService>().OfType<OutboxWakeupService>().ShouldHaveSingleItem();
        host.Services.GetRequiredService<IEscalationRunner>().ShouldBeOfType<EscalationRunner>();
    }

    [Fact]
    public async Task StartAsync_SchedulerEnabledAfterDowntime_MissedDeadlineSweptAtStartAndEverythingDelivered()
    {
        var time = new FakeTimeProvider(SchedulingHost.T0);
        var sender = new ScriptedSender(time);
        var folder = Directory.CreateTempSubdirectory("chatescalation-sched-restart-").FullName;
        try
        {
            long p2;
            await using (var before = await SchedulingHost.StartAsync(sender, time: time, folder: folder))
                p2 = await before.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium); // accept within 30 min: 10:30
            time.Advance(TimeSpan.FromHours(1)); // the bot was down from 10:00 to 11:00

            await using var after = await SchedulingHost.StartAsync(sender, SchedulerOn, time, folder);

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20); // real time: Coravel ticks every second
            List<TicketEventRow> events;
            List<OutboxMessage> outbox;
            do
            {
                await Task.Delay(200);
                events = await after.EventsAsync();
                outbox = await after.OutboxAsync();
            }
            while ((!events.Any(e => e.Kind == EventKind.QueueReminded) || outbox.Any(o => o.State != OutboxState.Sent)) && DateTime.UtcNow < deadline);

            events.Where(e => e.TicketNumber == p2 && e.Kind == EventKind.QueueReminded).ShouldHaveSingleItem().Late.ShouldNotBeNull();
            outbox.Where(o => o.State != OutboxState.Sent).Select(o => $"{o.Id} {o.State}").ShouldBeEmpty();
            // A copies row edits the copies posted before (none here: the sender records none) and delivers nothing itself.
            sender.Delivered.Select(d => d.Delivery.MessageId).ShouldBe(outbox.Where(o => o.Audience != "copies").Select(o => o.Id).ToList());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}
