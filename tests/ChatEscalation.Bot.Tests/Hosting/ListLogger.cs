using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary>Keeps what is logged, for the assertions.</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries { get { lock (entries) return entries.ToArray(); } }

    public async Task WaitForAsync(Func<(LogLevel Level, string Message), bool> match)
    {
        var until = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
        while (!Entries.Any(match))
        {
            if (Stopwatch.GetTimestamp() > until) throw new TimeoutException("Not logged: " + string.Join(" | ", Entries.Select(e => e.Message)));
            await Task.Delay(20);
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries) entries.Add((logLevel, formatter(state, exception)));
    }
}
