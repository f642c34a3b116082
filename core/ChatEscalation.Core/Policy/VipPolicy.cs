namespace ChatEscalation.Core.Policy;

/// <summary>Compiled VIP rules.</summary>
public sealed record VipPolicy(IReadOnlySet<string> People, int RaisePriorityBy, int? OpenAtTier, bool NotifyManagers);
