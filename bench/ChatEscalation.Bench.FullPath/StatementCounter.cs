using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// Counts EF Core's SQL statements and transactions through its DiagnosticListener (no change to the bot): per statement shape
/// (first 110 characters, numbers stripped) and per origin, <c>request</c> when <see cref="InRequest"/> is set on the async flow
/// (a middleware sets it), else <c>background</c> (outbox dispatcher, sweep).
/// </summary>
public sealed partial class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public static readonly AsyncLocal<bool> InRequest = new();

    private readonly ConcurrentDictionary<(string Origin, string Shape), (long Count, TimeSpan Total)> totals = new();
    private readonly List<IDisposable> subscriptions = [];
    private long transactions;
    private long connections;

    public StatementCounter() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public bool Enabled { get; set; }

    public long Transactions => Interlocked.Read(ref transactions);

    public long ConnectionsOpened => Interlocked.Read(ref connections);

    public IReadOnlyList<(string Origin, string Shape, long Count, TimeSpan Total)> Totals =>
        [.. totals.Select(kv => (kv.Key.Origin, kv.Key.Shape, kv.Value.Count, kv.Value.Total)).OrderBy(t => t.Origin).ThenByDescending(t => t.Count)];

    public void Clear()
    {
        totals.Clear();
        Interlocked.Exchange(ref transactions, 0);
        Interlocked.Exchange(ref connections, 0);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) lock (subscriptions) subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!Enabled) return;
        switch (value.Value)
        {
            case CommandExecutedEventData e:
                var shape = Numbers().Replace(string.Join(' ', e.Command.CommandText.Split('\n', StringSplitOptions.TrimEntries)), "n");
                if (shape.Length > 110) shape = shape[..110];
                totals.AddOrUpdate((InRequest.Value ? "request" : "background", shape), (1, e.Duration), (_, t) => (t.Count + 1, t.Total + e.Duration));
                break;
            case TransactionEndEventData when value.Key.EndsWith("TransactionCommitted", StringComparison.Ordinal):
                Interlocked.Increment(ref transactions);
                break;
            case ConnectionEndEventData when value.Key.EndsWith("ConnectionOpened", StringComparison.Ordinal):
                Interlocked.Increment(ref connections);
                break;
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (subscriptions) subscriptions.ForEach(s => s.Dispose());
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
