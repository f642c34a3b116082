namespace ChatEscalation.Core.Policy;

/// <summary>A compiled tier: level, name, members and leads (e-mail keys, lower case), queue channel and on-call rotation.</summary>
public sealed record TierPolicy(int Level, string Name, IReadOnlySet<string> Members, IReadOnlySet<string> Leads, ChannelAddress Channel, string? Rotation);
