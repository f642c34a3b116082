using System.Globalization;

namespace ChatEscalation.Core.Views;

/// <summary>
/// The one way an instant is written for people in chat: in a zone (the policy's calendar zone), <c>14:05</c> when it falls on
/// today's date there, otherwise with the day and the zone, <c>Sat 10 Jan 14:05 (London time)</c>.
/// </summary>
/// <remarks>The web pages write instants the same way in the browser's zone (<c>bot/Web/wwwroot/shared/time.js</c>).</remarks>
public static class TimeText
{
    /// <summary><paramref name="instant"/> as read in <paramref name="zone"/>, relative to <paramref name="now"/>'s date there.</summary>
    public static string At(DateTimeOffset instant, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        if (local.Date == today) return time;
        var day = local.Year == today.Year
            ? local.ToString("ddd d MMM", CultureInfo.InvariantCulture)
            : local.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        return $"{day} {time} ({ZoneName(zone)})";
    }

    /// <summary>A zone as people say it: <c>London time</c> for Europe/London, <c>New York time</c>, <c>UTC</c>.</summary>
    public static string ZoneName(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var id = zone.Id;
        if (zone == TimeZoneInfo.Utc || id is "UTC" or "Etc/UTC" or "Etc/GMT") return "UTC";
        var slash = id.LastIndexOf('/');
        return (slash >= 0 ? id[(slash + 1)..] : id).Replace('_', ' ') + " time";
    }
}
