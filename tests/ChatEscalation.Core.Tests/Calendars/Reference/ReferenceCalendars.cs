using ChatEscalation.Core.Calendars;

namespace ChatEscalation.Core.Tests.Calendars.Reference;

/// <summary>The calendars checked against the brute-force reference, built once per test class (xUnit class fixture).</summary>
public sealed class ReferenceCalendars
{
    public ReferenceCalendars()
    {
        All =
        [
            // London office with split lunch, a short Friday, and Sunday hours whose edges sit on both DST changes (01:00 UTC:
            // 01:00 GMT → 02:00 BST in March, 02:00 BST → 01:00 GMT in October);
            // holidays on the Fridays and Mondays around the DST weekends and on a DST Sunday itself (2027-10-31).
            Make("london-office", "Europe/London", new()
            {
                ["Mon-Thu"] = "08:00-12:00, 13:00-17:30", ["Fri"] = "08:00-12:00, 13:00-16:00", ["Sun"] = "00:30-01:30, 02:10-02:40, 22:00-24:00",
            }, "2026-01-01", "2026-03-27", "2026-03-30", "2026-04-03", "2026-04-06", "2026-05-04", "2026-10-23", "2026-10-26",
               "2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-10-29", "2027-10-31", "2027-11-01",
               "2027-12-27", "2027-12-28"),
            // New York open 24 h every day (DST stress): 23 h and 25 h days; holidays, one on the 2027 spring-forward Sunday.
            Make("new-york-24h", "America/New_York", new() { ["Mon-Sun"] = "00:00-24:00" }, "2026-07-03", "2027-03-14", "2027-11-25"),
            // Sydney office Mon-Fri with holidays (Good Friday 2026 is two days before Sydney's DST ends).
            Make("sydney-office", "Australia/Sydney", new() { ["Mon-Fri"] = "09:00-17:00" },
                "2026-01-26", "2026-04-03", "2026-04-06", "2026-12-25", "2026-12-28", "2027-01-26"),
            // Lord Howe Island shifts by 30 minutes at 02:00 (02:00 → 02:30 in October, 02:00 → 01:30 in April); Sunday gaps
            // sit right after each change, so a transition found a minute off would change the answers.
            Make("lord-howe-weekends", "Australia/Lord_Howe", new()
            {
                ["Sat"] = "00:00-24:00", ["Sun"] = "00:00-01:30, 01:40-02:15, 02:45-24:00", ["Mon"] = "01:00-03:00, 22:00-24:00",
            }, "2026-12-26"),
        ];
    }

    public IReadOnlyList<ReferenceCalendar> All { get; }

    private static ReferenceCalendar Make(string name, string zoneId, Dictionary<string, string> hoursByDay, params string[] holidays)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var hours = BusinessCalendar.ParseWeeklyHours(hoursByDay);
        var dates = holidays.Select(h => DateOnly.Parse(h, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new ReferenceCalendar(new BusinessCalendar(name, zone, hours, dates), hours, dates);
    }
}
