namespace ChatEscalation.Core.Policy.Options;

/// <summary>A business-critical service: tickets that touch it get at least a priority and may open higher.</summary>
public sealed class CriticalServiceOptions
{
    public string Name { get; set; } = "";
    /// <summary>Words in a report that mean this service is affected; the name itself always counts.</summary>
    public List<string> Keywords { get; set; } = [];
    public string MinimumPriority { get; set; } = "P2";
    public int? OpenAtTier { get; set; }
}
