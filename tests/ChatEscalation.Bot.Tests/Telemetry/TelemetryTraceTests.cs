using System.Diagnostics;
using System.Text;
using ChatEscalation.Bot.Tests.Scheduling;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace ChatEscalation.Bot.Tests.Telemetry;

/// <summary>
/// One click followed to the card update it caused: the click's trace (from the caller's <c>traceparent</c>) holds the webhook, the
/// engine decision and the commit, all tagged with the ticket; each outbox delivery is a trace of its own linked to that commit.
/// </summary>
public sealed class TelemetryTraceTests : IAsyncLifetime
{
    private readonly SpanLog spans = new();
    private readonly FakeTimeProvider time = new(SchedulingHost.T0);
    private ScriptedSender sender = null!;
    private SchedulingHost host = null!;

    public async Task InitializeAsync()
    {
        sender = new ScriptedSender(time);
        host = await SchedulingHost.StartAsync(sender, new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" }, time,
            services: s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task AcceptClick_TraceHoldsWebhookDecisionCommit_DeliveriesLinkToTheCommit()
    {
        var number = await host.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium);
        await host.Runner.DispatchNowAsync();
        var deliveredBefore = sender.Delivered.Count;
        var click = ActivityTraceId.CreateRandom();

        using (var client = host.Client())
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/local/actions")
            {
                Content = new StringContent($$"""{"user":"alice@demo.local","ticket":{{number}},"action":"accept"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("traceparent", $"00-{click}-{ActivitySpanId.CreateRandom()}-01");
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
        }

        host.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        var ours = spans.Snapshot().Where(s => s.Source.Name == EscalationTelemetry.Name).ToList();
        var inClick = ours.Where(s => s.TraceId == click).ToList();
        var webhook = inClick.Where(s => s.OperationName == EscalationTelemetry.WebhookSpan).ShouldHaveSingleItem();
        webhook.GetTagItem(EscalationTelemetry.PlatformTag).ShouldBe("local");
        webhook.GetTagItem(EscalationTelemetry.KindTag).ShouldBe("action");
        webhook.GetTagItem(EscalationTelemetry.TicketTag).ShouldBe(number);
        var decision = inClick.Where(s => s.OperationName == "decide AcceptTicket").ShouldHaveSingleItem();
        decision.ParentSpanId.ShouldBe(webhook.SpanId);
        decision.GetTagItem(EscalationTelemetry.TicketTag).ShouldBe(number);
        var commit = inClick.Where(s => s.OperationName == "commit").ShouldHaveSingleItem();
        commit.ParentSpanId.ShouldBe(decision.SpanId);
        commit.GetTagItem(EscalationTelemetry.TicketTag).ShouldBe(number);

        var deliveries = ours.Where(s => s.OperationName == "outbox.deliver" && s.Links.Any(l => l.Context.TraceId == click)).ToList();
        // The change's copies row (bringing earlier copies up to date: none here) is delivered too, without a send of its own.
        deliveries.Where(d => (string)d.GetTagItem("chatescalation.audience")! != "copies").Count().ShouldBe(sender.Delivered.Count - deliveredBefore);
        deliveries.ShouldContain(d => (string)d.GetTagItem("chatescalation.audience")! == "copies");
        deliveries.ShouldAllBe(d => d.TraceId != click && d.Links.Single().Context.SpanId == commit.SpanId);
        deliveries.ShouldAllBe(d => (long)d.GetTagItem(EscalationTelemetry.TicketTag)! == number && (string)d.GetTagItem("chatescalation.result")! == "sent");
        deliveries.ShouldContain(d => (string)d.GetTagItem(EscalationTelemetry.KindTag)! == nameof(NotificationKind.Card));
    }

    [Fact]
    public async Task Sweep_TracedAsItsOwnSpanWithTheTicksUnderIt()
    {
        await host.RaiseAsync("Laptop will not boot", Impact.High, Urgency.Medium);
        time.Advance(TimeSpan.FromHours(1));

        // The exporter hears every host in the process (tests run in parallel): this sweep is the one under this test's own span.
        var test = new Activity("test").SetIdFormat(ActivityIdFormat.W3C);
        test.ActivityTraceFlags = ActivityTraceFlags.Recorded; // a sampled parent, so the sweep under it is recorded
        test.Start();
        await host.Runner.SweepNowAsync();
        test.Stop();

        host.Services.GetRequiredService<TracerProvider>().ForceFlush().ShouldBeTrue();
        var sweep = spans.Snapshot().Where(s => s.Source.Name == EscalationTelemetry.Name && s.OperationName == "sweep" && s.TraceId == test.TraceId).ShouldHaveSingleItem();
        ((int)sweep.GetTagItem("chatescalation.tickets_fired")!).ShouldBe(1);
        spans.Snapshot().ShouldContain(s => s.OperationName == "decide tick" && s.ParentSpanId == sweep.SpanId);
    }

    /// <summary>
    /// The exporter's list: it hears every host in the process (the source is static), and other tests' spans end on their own threads
    /// while this test reads, so adds and reads take a lock and the test reads a copy.
    /// </summary>
    private sealed class SpanLog : ICollection<Activity>
    {
        private readonly List<Activity> items = [];

        public int Count { get { lock (items) return items.Count; } }

        public bool IsReadOnly => false;

        public List<Activity> Snapshot() { lock (items) return [.. items]; }

        public void Add(Activity item) { lock (items) items.Add(item); }

        public void Clear() { lock (items) items.Clear(); }

        public bool Contains(Activity item) { lock (items) return items.Contains(item); }

        public void CopyTo(Activity[] array, int arrayIndex) { lock (items) items.CopyTo(array, arrayIndex); }

        public bool Remove(Activity item) { lock (items) return items.Remove(item); }

        public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
