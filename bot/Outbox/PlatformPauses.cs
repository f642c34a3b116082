using System.Collections.Concurrent;

namespace ChatEscalation.Bot.Outbox;

/// <summary>
/// Per platform, until when this process starts no new send: a platform that answered 429 (Slack, the Bot Framework Connector) asked
/// the bot to slow down, so its other messages wait out the same Retry-After instead of meeting 429s of their own. Slack's own Web API
/// client pauses all its calls the same way. The paused messages stay pending, unclaimed; the dispatcher's next pass after the pause
/// sends them. Per process: another instance learns from its own 429s.
/// </summary>
public sealed class PlatformPauses
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> until = new(StringComparer.Ordinal);

    /// <summary>No new send to <paramref name="platform"/> before <paramref name="end"/> (a pause already longer is kept).</summary>
    public void Pause(string platform, DateTimeOffset end) => until.AddOrUpdate(platform, end, (_, current) => end > current ? end : current);

    /// <summary>Whether <paramref name="platform"/> is paused at <paramref name="now"/>.</summary>
    public bool IsPaused(string platform, DateTimeOffset now) => until.TryGetValue(platform, out var end) && end > now;
}
