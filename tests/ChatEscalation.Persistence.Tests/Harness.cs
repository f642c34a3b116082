using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Sweeping;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Persistence.Tests;

/// <summary>Builds the shell's parts by hand over one context, with a fake clock per test.</summary>
public sealed class Harness(Func<EscalationDbContext> newContext, DateTimeOffset start) : IDisposable
{
    private readonly List<EscalationDbContext> _contexts = [];

    public FakeTimeProvider Time { get; } = new(start);
    public static EscalationPolicy Policy => TestPolicy.Policy;
    public static DecisionWriter Writer { get; } = new(new OutboxWriter(SqliteDatabase.EnabledPlatforms));

    public EscalationDbContext Context()
    {
        var db = newContext();
        _contexts.Add(db);
        return db;
    }

    /// <summary>Counts the wake-ups the workflows, the sweep and the outbox store give after their commits.</summary>
    public CountingWakeup Wakeups { get; } = new();

    public TicketWorkflow Workflow()
    {
        var db = Context();
        return new(db, Time, new FixedPolicyProvider(Policy), Writer, new InboundEventStore(db), Wakeups);
    }

    public DeadlineSweeper Sweeper() => new(Context(), new FixedPolicyProvider(Policy), Writer, Wakeups);

    public OutboxStore Outbox() => new(Context(), Wakeups);

    public void Dispose()
    {
        foreach (var db in _contexts) db.Dispose();
    }
}
