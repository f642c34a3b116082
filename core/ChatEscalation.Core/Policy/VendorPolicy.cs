namespace ChatEscalation.Core.Policy;

/// <summary>A compiled vendor contract; durations are business time of <see cref="Calendar"/>.</summary>
public sealed record VendorPolicy(string Name, string Contract, TimeSpan RespondWithin, TimeSpan ResolveWithin, string Calendar, TimeSpan ChaseEvery);
