using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatEscalation.Bench;

/// <summary>Diagnostics (<c>--profile</c>): total time and count per SQL statement shape (first line, numbers stripped) during the sweeps.</summary>
public sealed partial class StatementProfiler : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, (int Count, TimeSpan Total)> _totals = new();

    public bool Enabled { get; set; }

    public IReadOnlyList<(string Statement, int Count, TimeSpan Total)> Totals =>
        [.. _totals.Select(kv => (kv.Key, kv.Value.Count, kv.Value.Total)).OrderByDescending(t => t.Total)];

    public void Clear() => _totals.Clear();

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command, eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command, TimeSpan duration)
    {
        if (!Enabled) return;
        var shape = Numbers().Replace(string.Join(' ', command.CommandText.Split('\n', StringSplitOptions.TrimEntries)), "n");
        if (shape.Length > 140) shape = shape[..140];
        _totals.AddOrUpdate(shape, (1, duration), (_, t) => (t.Count + 1, t.Total + duration));
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
