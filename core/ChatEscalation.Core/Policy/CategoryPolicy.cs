namespace ChatEscalation.Core.Policy;

/// <summary>A compiled category.</summary>
public sealed record CategoryPolicy(string Name, int DefaultTier, IReadOnlyList<string> Keywords);
