namespace ChatEscalation.Core.Policy.Options;

/// <summary>One support tier: who works it, who leads it, its queue channel and its on-call rotation.</summary>
public sealed class TierOptions
{
    public int Level { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Technicians, by e-mail.</summary>
    public List<string> Members { get; set; } = [];
    /// <summary>Tier leads, by e-mail; leads are members too.</summary>
    public List<string> Leads { get; set; } = [];
    public ChannelOptions Channel { get; set; } = new();
    /// <summary>Name of the on-call rotation paged for this tier after hours; empty for none.</summary>
    public string? OnCallRotation { get; set; }
}
