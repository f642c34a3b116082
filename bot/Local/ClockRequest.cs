namespace ChatEscalation.Bot.Local;

/// <summary>Body of <c>POST /local/clock</c>: <c>{"jump":"30m" | "end-of-day" | "monday"}</c>.</summary>
public sealed record ClockRequest(string? Jump);
