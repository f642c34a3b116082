using System.Collections.Concurrent;

namespace ChatEscalation.Bot.Conversations;

/// <summary>
/// The time zones platforms tell about people (Slack <c>users.info</c> <c>tz</c>, Teams <c>localTimezone</c> on each activity), kept
/// in memory by platform and user id, so times in chat answers can be written in the reader's zone.
/// </summary>
/// <remarks>Unknown or unrecognised zone ids are not kept (the answer then uses the desk's calendar zone). A restart forgets them; the
/// next message or lookup tells them again.</remarks>
public sealed class PersonZones
{
    private readonly ConcurrentDictionary<(string Platform, string UserId), TimeZoneInfo> zones = new();

    /// <summary>Keeps <paramref name="zoneId"/> (an IANA or Windows id) for the person; ignores empty or unknown ids.</summary>
    public void Remember(string platform, string? userId, string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(zoneId)) return;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out var zone)) zones[(platform, userId)] = zone;
    }

    /// <summary>The person's zone, or null when the platform never said it.</summary>
    public TimeZoneInfo? Find(string platform, string? userId) =>
        userId is not null && zones.TryGetValue((platform, userId), out var zone) ? zone : null;
}
