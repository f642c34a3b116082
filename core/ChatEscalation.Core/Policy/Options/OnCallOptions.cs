namespace ChatEscalation.Core.Policy.Options;

/// <summary>After-hours paging: the rotations and how paging repeats and moves up.</summary>
public sealed class OnCallOptions
{
    /// <summary>Wall-clock time between pages at one level. Default 10m.</summary>
    public string RepageEvery { get; set; } = "10m";
    /// <summary>Pages at one level before the next level (secondary, then managers) is paged. Default 3.</summary>
    public int AttemptsPerLevel { get; set; } = 3;
    /// <summary>After <see cref="AttemptsPerLevel"/> pages to the managers (the last level), how often they are paged again. Default 1h.</summary>
    public string ManagerRepageEvery { get; set; } = "1h";
    /// <summary>When nobody covers a tier, hold the ticket for the next person on duty instead of paging the next level.</summary>
    public bool HoldWhenUncovered { get; set; }
    public Dictionary<string, RotationOptions> Rotations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
