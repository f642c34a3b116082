namespace ChatEscalation.Core.OnCall;

/// <summary>A stretch <c>[From, To)</c> during which one person (or nobody) covers a layer.</summary>
/// <remarks>
/// <see cref="Person"/> null is a gap. <see cref="From"/> and <see cref="To"/> are UTC (offset zero). A gap with no beginning starts at
/// <see cref="DateTimeOffset.MinValue"/>; a shift that never ends ends at <see cref="DateTimeOffset.MaxValue"/>.
/// </remarks>
public sealed record OnCallShift(string Layer, string? Person, DateTimeOffset From, DateTimeOffset To);
