namespace ChatEscalation.Core.OnCall;

/// <summary>Replaces whoever a layer's turns say for the instants <c>[From, To)</c>.</summary>
/// <remarks>
/// <see cref="Person"/> null, empty or blank means nobody covers (an explicit gap). <see cref="Layer"/> null means the override applies to every
/// layer; otherwise it names a <see cref="RotationLayer.Name"/> (ordinal match). Where overrides overlap, the one declared last wins.
/// <see cref="From"/> must be before <see cref="To"/>; both are instants (any offset).
/// </remarks>
public sealed record RotationOverride(string? Layer, DateTimeOffset From, DateTimeOffset To, string? Person);
