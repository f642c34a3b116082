namespace ChatEscalation.Core.Policy.Options;

/// <summary>Reporters whose tickets go faster.</summary>
public sealed class VipOptions
{
    /// <summary>VIPs by e-mail.</summary>
    public List<string> People { get; set; } = [];
    /// <summary>How many priority levels a VIP's ticket is raised (P3 → P2 with 1), never above P1.</summary>
    public int RaisePriorityBy { get; set; } = 1;
    /// <summary>The lowest tier a VIP's ticket opens at; null keeps the category's tier.</summary>
    public int? OpenAtTier { get; set; }
    /// <summary>Tell the manager channel when a VIP raises a ticket.</summary>
    public bool NotifyManagers { get; set; } = true;
}
