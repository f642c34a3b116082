namespace ChatEscalation.Core.Calendars;

/// <summary>One weekly opening interval in a calendar's local time.</summary>
/// <remarks>
/// <see cref="Start"/> is included and <see cref="End"/> excluded; both are times of day with
/// 00:00 &lt;= Start &lt; End &lt;= 24:00, so <c>End = 24:00</c> means "until midnight".
/// Validated by <see cref="BusinessCalendar"/>, which merges overlapping or touching intervals of the same day.
/// </remarks>
public readonly record struct OpeningHours(DayOfWeek Day, TimeSpan Start, TimeSpan End);
