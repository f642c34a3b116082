namespace ChatEscalation.Core.OnCall;

/// <summary>A rotation override as plain config text, for <see cref="OnCallRotationParser"/>.</summary>
/// <param name="Layer">Layer name; null or blank = every layer.</param>
/// <param name="From">Local date-time in the rotation's zone, <c>yyyy-MM-ddTHH:mm[:ss]</c>, or a date <c>yyyy-MM-dd</c> (= local midnight).</param>
/// <param name="To">Same format as <paramref name="From"/>; must be later.</param>
/// <param name="Person">Who covers; null or blank = nobody (an explicit gap).</param>
public sealed record RotationOverrideSpec(string? Layer, string From, string To, string? Person);
