using System.Globalization;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>The period the dashboard's figures cover: the last 7, 30 or 90 days, or whole days from one date to another in the desk's zone.</summary>
/// <param name="From">First instant counted.</param>
/// <param name="To">Last instant counted (now for "the last n days").</param>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The default period: the last 30 days.</summary>
    public const int DefaultDays = 30;

    /// <summary>The longest custom period: 366 days.</summary>
    public const int MaxDays = 366;

    public bool Contains(DateTimeOffset at) => at >= From && at <= To;

    public static ReportRange LastDays(int days, DateTimeOffset now) => new(now - TimeSpan.FromDays(days), now);

    /// <summary>
    /// Reads <c>?days=7|30|90</c> or <c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> (whole days in <paramref name="zone"/>, both included).
    /// Nothing given: the last <see cref="DefaultDays"/> days. Anything else: null with the reason.
    /// </summary>
    public static ReportRange? Parse(string? days, string? from, string? to, TimeZoneInfo zone, DateTimeOffset now, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
        {
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ||
                !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
            {
                error = "from and to must both be dates written yyyy-MM-dd.";
                return null;
            }
            if (last < first || last.DayNumber - first.DayNumber + 1 > MaxDays)
            {
                error = $"to must not be before from, and the period at most {MaxDays} days.";
                return null;
            }
            return new ReportRange(StartOf(first, zone), StartOf(last.AddDays(1), zone) - TimeSpan.FromTicks(1));
        }
        if (string.IsNullOrWhiteSpace(days)) return LastDays(DefaultDays, now);
        if (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxDays) return LastDays(n, now);
        error = $"days must be a whole number from 1 to {MaxDays}.";
        return null;
    }

    /// <summary>Midnight of <paramref name="day"/> in <paramref name="zone"/> (the first valid local instant when midnight is skipped by DST).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
