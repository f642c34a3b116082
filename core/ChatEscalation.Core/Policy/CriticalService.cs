using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Policy;

/// <summary>A compiled critical service.</summary>
public sealed record CriticalService(string Name, IReadOnlyList<string> Keywords, Priority MinimumPriority, int? OpenAtTier);
