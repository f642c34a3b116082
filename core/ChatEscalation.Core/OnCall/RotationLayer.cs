namespace ChatEscalation.Core.OnCall;

/// <summary>A layer (e.g. "primary", "secondary") of an <see cref="OnCallRotation"/>.</summary>
/// <remarks>
/// Participants take turns of <see cref="Turn"/>, handing off at <see cref="HandoffTime"/> local time of the rotation's zone.
/// Turn <c>n</c> (0-based) starts on local date <c>StartDate + n × (1 or 7 days)</c> at <see cref="HandoffTime"/> and is covered by
/// <c>Participants[n % Participants.Count]</c>. Before the first turn starts the layer has nobody (a gap); an empty
/// <see cref="Participants"/> list is a gap forever. <see cref="HandoffTime"/> is a time of day, <c>00:00 ≤ HandoffTime &lt; 24:00</c>.
/// </remarks>
public sealed record RotationLayer(string Name, IReadOnlyList<string> Participants, TurnLength Turn, DateOnly StartDate, TimeSpan HandoffTime);
