namespace ChatEscalation.Core.OnCall;

/// <summary>A rotation layer as plain config text, for <see cref="OnCallRotationParser"/>.</summary>
/// <param name="Turn"><c>Daily</c> or <c>Weekly</c> (case-insensitive).</param>
/// <param name="StartDate">Local date of the first turn, <c>yyyy-MM-dd</c> (<c>2026-01-05</c>).</param>
/// <param name="HandoffTime">Local time of day, <c>HH:mm</c> or <c>HH:mm:ss</c> (<c>09:00</c>).</param>
public sealed record RotationLayerSpec(string Name, IEnumerable<string> Participants, string Turn, string StartDate, string HandoffTime);
