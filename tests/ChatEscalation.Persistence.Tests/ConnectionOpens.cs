using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatEscalation.Tests.Shared;

/// <summary>Counts the opens of one context's connection (EF's diagnostic events, filtered to that context: other tests run alongside).</summary>
/// <remarks>Shared, not copied: the bot tests' project links this file.</remarks>
public sealed class ConnectionOpens : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly DbContext context;
    private readonly List<IDisposable> subscriptions = [];
    private int count;

    public ConnectionOpens(DbContext context)
    {
        this.context = context;
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public int Count => Volatile.Read(ref count);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) lock (subscriptions) subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.ConnectionOpened.Name && value.Value is ConnectionEndEventData e && e.Context == context)
            Interlocked.Increment(ref count);
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (subscriptions) foreach (var s in subscriptions) s.Dispose();
    }
}
