namespace ChatEscalation.Core.Calendars;

/// <summary>One weekly opening interval in local time: <see cref="Start"/> included, <see cref="End"/> excluded; End may be 24:00.</summary>
public readonly record struct OpeningHours(DayOfWeek Day, TimeSpan Start, TimeSpan End);
