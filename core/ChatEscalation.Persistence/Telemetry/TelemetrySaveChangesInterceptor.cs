using System.Diagnostics;
using System.Runtime.CompilerServices;
using ChatEscalation.Core.Events;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatEscalation.Persistence.Telemetry;

/// <summary>
/// Watches every SaveChanges of the escalation database: a <c>commit</c> span around it (tagged with the ticket), the current
/// trace context written onto each new outbox row (so its delivery links back to the request that caused it), and, once the save
/// succeeded, the ticket metrics derived from the audit events it committed (<see cref="EscalationMetrics.RecordCommitted"/>).
/// </summary>
/// <remarks>
/// Metrics come from events, never from the engine, which stays pure. A save that fails (a lost concurrency race that the workflow
/// retries) counts nothing. Where a caller commits an explicit transaction after SaveChanges (a raise, a PostgreSQL sweep), a commit
/// failing after a successful save would have been counted.
/// </remarks>
public sealed class TelemetrySaveChangesInterceptor(EscalationMetrics metrics) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context, null);
        return result;
    }

    /// <inheritdoc />
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context, null);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context, eventData.Exception);

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context, eventData.Exception);
        return Task.CompletedTask;
    }

    /// <summary>A save of <paramref name="context"/>'s tracked changes begins (SaveChanges, or <see cref="DirectSave"/>).</summary>
    public void Saving(DbContext? context)
    {
        if (context is null) return;
        var tracker = context.ChangeTracker;
        // New rows are Added from the moment they are added: reading them needs no change detection (Entries() would run a full
        // pass over every tracked entity, once per call, before SaveChanges runs its own).
        var (events, outbox) = WithoutDetection(tracker, t => (
            t.Entries<TicketEventRow>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(),
            t.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList()));
        if (events.Count == 0 && outbox.Count == 0) return;

        var tickets = events.Select(e => e.TicketNumber).Concat(outbox.Select(o => o.TicketNumber)).Where(n => n > 0).Distinct().ToList();
        if (tickets.Count == 1) EscalationTelemetry.TagTicket(tickets[0]);
        var span = EscalationTelemetry.Source.StartActivity("commit");
        if (tickets.Count == 1) span?.SetTag(EscalationTelemetry.TicketTag, tickets[0]);
        span?.SetTag("chatescalation.events", events.Count);
        span?.SetTag("chatescalation.outbox_messages", outbox.Count);
        var traceParent = EscalationTelemetry.CurrentTraceParent();
        foreach (var message in outbox) message.TraceParent ??= traceParent;

        pending.AddOrUpdate(context, new Pending(span, Describe(tracker, events)));
    }

    /// <summary>The save begun by <see cref="Saving"/> ended: <paramref name="error"/> null when it succeeded.</summary>
    public void Saved(DbContext? context, Exception? error)
    {
        if (context is null || !pending.TryGetValue(context, out var p)) return;
        pending.Remove(context);
        if (error is null) metrics.RecordCommitted(p.Events);
        else p.Span?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        p.Span?.Dispose();
    }

    /// <summary>Each new event with its ticket's priority and, for an acknowledgement, how long the page had waited.</summary>
    private static List<CommittedEvent> Describe(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, List<TicketEventRow> events)
    {
        var tickets = WithoutDetection(tracker, t => t.Entries<TicketRow>().ToDictionary(e => e.Entity.Number));
        var described = new List<CommittedEvent>(events.Count);
        foreach (var e in events)
        {
            tickets.TryGetValue(e.TicketNumber, out var entry);
            var priority = entry?.Entity.Priority.ToString() ?? "";
            TimeSpan? waited = null;
            if (e.Kind == EventKind.PageAcknowledged) entry?.DetectChanges(); // whether the ticket was modified: this entry only
            if (e.Kind == EventKind.PageAcknowledged && entry is { State: EntityState.Modified }
                && entry.OriginalValues[nameof(TicketRow.State)] is string before
                && TicketJson.DeserializeTicket(before).Page is { } page)
            {
                waited = e.At - page.StartedAt;
            }

            described.Add(new CommittedEvent(e.Kind, priority, waited));
        }

        return described;
    }

    /// <summary>Reads the tracked entries as they are, without a change-detection pass.</summary>
    private static T WithoutDetection<T>(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, Func<Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker, T> read)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return read(tracker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private sealed record Pending(Activity? Span, List<CommittedEvent> Events);
}
