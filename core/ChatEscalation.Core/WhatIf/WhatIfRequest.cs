using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.WhatIf;

/// <summary>A hypothetical ticket for the "what if" panel ("a P1 from a VIP on Saturday at 02:00").</summary>
/// <param name="Priority">When given (and impact/urgency are not), the first impact × urgency pair of the matrix that yields it is used.</param>
/// <param name="Reporter">E-mail key of the reporter (a VIP raises the priority); default the demo end user.</param>
/// <param name="Day">Weekday it is raised on: the next such day from the current clock (today when it is that day and the time is still ahead).</param>
/// <param name="TimeOfDay">Local time of day in the staffed calendar's zone.</param>
public sealed record WhatIfRequest(
    string Title,
    string? Category,
    Priority? Priority,
    Impact? Impact,
    Urgency? Urgency,
    string Reporter,
    DayOfWeek Day,
    TimeOnly TimeOfDay,
    string? AffectedService = null);
