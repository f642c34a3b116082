using ChatEscalation.Core.Calendars;

namespace ChatEscalation.Core.Tests.Calendars;

/// <summary>Zones, calendars and local-time helpers shared by the calendar tests.</summary>
internal static class TestCalendars
{
    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public static TimeZoneInfo NewYork { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static TimeZoneInfo Sydney { get; } = TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney");

    /// <summary>London 08:00-17:00 Mon-Fri (a 9-hour workday) with the given holidays.</summary>
    public static BusinessCalendar LondonOffice(params string[] holidays) =>
        Build("london", London, new() { ["Mon-Fri"] = "08:00-17:00" }, holidays);

    /// <summary>00:00-24:00 every day in <paramref name="zone"/>.</summary>
    public static BusinessCalendar AllDay(TimeZoneInfo zone, params string[] holidays) =>
        Build("all-day", zone, new() { ["Mon-Sun"] = "00:00-24:00" }, holidays);

    public static BusinessCalendar Build(string name, TimeZoneInfo zone, Dictionary<string, string> hours, params string[] holidays) =>
        new(name, zone, BusinessCalendar.ParseWeeklyHours(hours), holidays.Select(h => DateOnly.Parse(h, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>An unambiguous local wall-clock time in <paramref name="zone"/> as an instant.</summary>
    public static DateTimeOffset At(TimeZoneInfo zone, int year, int month, int day, int hour = 0, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local) || zone.IsInvalidTime(local))
            throw new ArgumentException($"{local} is ambiguous or skipped in {zone.Id}; give the instant in UTC instead.");
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);
}
