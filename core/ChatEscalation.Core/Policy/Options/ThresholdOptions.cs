namespace ChatEscalation.Core.Policy.Options;

/// <summary>Hierarchical escalation thresholds as fractions of the resolution target.</summary>
public sealed class ThresholdOptions
{
    /// <summary>Flag the card and tell the tier lead. Default 0.75.</summary>
    public double Warning { get; set; } = 0.75;
    /// <summary>Ping the manager channel. Default 0.90; the breach always pings too.</summary>
    public double Manager { get; set; } = 0.90;
}
