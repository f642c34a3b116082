using System.Net.Http.Json;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Telemetry;
using ChatEscalation.Bot.Tests.Scheduling;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;

namespace ChatEscalation.Bot.Tests.Telemetry;

/// <summary>
/// The product's metrics read through OpenTelemetry's in-memory exporter after a scripted ticket life on the real host: a P2 that a
/// technician escalates, its reporter takes to a manager and the clock walks through warning, breach and automatic escalation;
/// an after-hours P1 that pages and is acknowledged five minutes later; a ticket raised through the emulator's webhook; one message
/// the platform refuses for good (parked) and one it throttles once.
/// </summary>
public sealed class TelemetryMetricsTests : IAsyncLifetime
{
    private readonly List<MetricSnapshot> exported = [];
    private readonly FakeTimeProvider time = new(SchedulingHost.T0);
    private ScriptedSender sender = null!;
    private SchedulingHost host = null!;

    public async Task InitializeAsync()
    {
        sender = new ScriptedSender(time);
        host = await SchedulingHost.StartAsync(sender, new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" }, time,
            services: s => s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(exported)));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ScriptedTicketLife_MetricsMatchTheAuditTrail()
    {
        // The on-call channel is missing on the platform (every post there is refused for good); the manager channel throttles once.
        var throttledOnce = false;
        sender.Answer = (delivery, _) =>
            delivery.To.Kind == Core.Notifications.AudienceKind.OnCallChannel ? new DeliveryResult.Failed("channel_not_found")
            : !throttledOnce && delivery.To.Kind == Core.Notifications.AudienceKind.ManagerChannel && (throttledOnce = true)
                ? new DeliveryResult.Retry("ratelimited", TimeSpan.FromSeconds(1))
            : null;

        // Tuesday 10:00: a P2 accepted by Alice, taken to a manager by Uma, escalated by Alice to Tier 2 (nobody there accepts).
        var p2 = await host.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium);
        await host.RunAsync(p2, new AcceptTicket(host.Person("alice@demo.local")));
        await host.RunAsync(p2, new EscalateToManager(host.Person("uma@demo.local"), "It has been down all morning"));
        await host.RunAsync(p2, new EscalateTicket(host.Person("alice@demo.local"), new HandoffNote("Reseated the RAM", "Still no POST", "Board diagnostics")));

        // Through the emulator's webhook: one more ticket.
        using (var client = host.Client())
        {
            (await client.PostAsJsonAsync("/local/messages", new { user = "uma@demo.local", channel = "it-help", text = "/ticket Printer on floor 2 is jammed" }))
                .EnsureSuccessStatusCode();
        }

        // The day passes in 10-minute sweeps; at 19:00 (after hours) a P1 pages Tier 1's on-call person, Maria acknowledges at 19:05.
        var sweeps = 0;
        async Task WalkAsync(TimeSpan step, DateTimeOffset until)
        {
            while (time.GetUtcNow() < until)
            {
                time.Advance(step);
                await host.Runner.SweepNowAsync();
                await host.Runner.DispatchNowAsync();
                sweeps++;
            }
        }

        await WalkAsync(TimeSpan.FromMinutes(10), new DateTimeOffset(2026, 3, 10, 19, 0, 0, TimeSpan.Zero));
        var p1 = await host.RaiseAsync("VPN is down for the whole office", Impact.High, Urgency.High);
        await WalkAsync(TimeSpan.FromMinutes(5), new DateTimeOffset(2026, 3, 10, 19, 5, 0, TimeSpan.Zero));
        await host.RunAsync(p1, new AcknowledgePage(host.Person("maria@demo.local")));
        await WalkAsync(TimeSpan.FromMinutes(10), new DateTimeOffset(2026, 3, 10, 21, 0, 0, TimeSpan.Zero));

        // Something left undelivered for seven minutes, for the outbox gauges.
        await host.RunAsync(p1, new AddNote(host.Person("uma@demo.local"), "Still down from home too"));
        time.Advance(TimeSpan.FromMinutes(7));
        await host.Services.GetRequiredService<OutboxSampler>().SampleAsync();
        host.Services.GetRequiredService<MeterProvider>().ForceFlush().ShouldBeTrue();

        var metrics = new ExportedMetrics(exported);
        var events = await host.EventsAsync();
        int Count(params EventKind[] kinds) => events.Count(e => kinds.Contains(e.Kind));

        metrics.Sum("chatescalation.tickets.raised").ShouldBe(3);
        metrics.Sum("chatescalation.tickets.raised", ("priority", "P1")).ShouldBe(1);
        metrics.Sum("chatescalation.tickets.raised", ("priority", "P2")).ShouldBe(1);

        metrics.Sum("chatescalation.escalations", ("kind", "functional")).ShouldBe(1);
        metrics.Sum("chatescalation.escalations", ("kind", "automatic")).ShouldBe(Count(EventKind.AutoEscalated));
        Count(EventKind.AutoEscalated).ShouldBeGreaterThan(0);
        metrics.Sum("chatescalation.escalations", ("kind", "hierarchical")).ShouldBe(Count(EventKind.ManagerEscalated, EventKind.ManagerPinged, EventKind.SlaBreached));
        Count(EventKind.ManagerEscalated).ShouldBe(1);

        metrics.Sum("chatescalation.sla.warnings").ShouldBe(Count(EventKind.SlaWarned, EventKind.ManagerPinged));
        metrics.Sum("chatescalation.sla.breaches").ShouldBe(Count(EventKind.SlaBreached));
        Count(EventKind.SlaBreached).ShouldBeGreaterThan(0);

        metrics.Sum("chatescalation.pages.sent").ShouldBe(Count(EventKind.Paged));
        Count(EventKind.Paged).ShouldBeGreaterThan(0);
        metrics.Sum("chatescalation.pages.acknowledged").ShouldBe(1);
        metrics.Histogram("chatescalation.pages.time_to_acknowledge").ShouldBe((1, 300.0));

        var outbox = await host.OutboxAsync();
        metrics.Sum("chatescalation.outbox.deliveries", ("result", "sent")).ShouldBe(outbox.Count(o => o.State == OutboxState.Sent));
        metrics.Sum("chatescalation.outbox.deliveries", ("result", "parked")).ShouldBe(outbox.Count(o => o.State == OutboxState.Parked));
        metrics.Sum("chatescalation.outbox.deliveries", ("result", "retry")).ShouldBe(1);
        metrics.Gauge("chatescalation.outbox.parked").ShouldBe(outbox.Count(o => o.State == OutboxState.Parked));
        outbox.Count(o => o.State == OutboxState.Parked).ShouldBeGreaterThan(0);
        metrics.Gauge("chatescalation.outbox.backlog").ShouldBe(outbox.Count(o => o.State is OutboxState.Pending or OutboxState.Sending));
        metrics.Gauge("chatescalation.outbox.backlog").ShouldBeGreaterThan(0);
        metrics.Gauge("chatescalation.outbox.oldest_pending_age").ShouldBe(420);

        metrics.Histogram("chatescalation.sweep.duration").Count.ShouldBe(sweeps);
        metrics.Sum("chatescalation.deadlines.fired").ShouldBeGreaterThan(0);
        metrics.Histogram("chatescalation.webhook.duration", ("platform", "local"), ("kind", "message")).Count.ShouldBe(1);
    }
}
