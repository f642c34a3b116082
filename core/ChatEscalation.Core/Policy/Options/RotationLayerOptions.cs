namespace ChatEscalation.Core.Policy.Options;

/// <summary>A layer (primary, secondary) of a rotation.</summary>
public sealed class RotationLayerOptions
{
    public string Name { get; set; } = "primary";
    public List<string> Participants { get; set; } = [];
    /// <summary><c>Daily</c> or <c>Weekly</c>.</summary>
    public string Turn { get; set; } = "Weekly";
    /// <summary>Local date the first turn starts, <c>2026-01-05</c>.</summary>
    public string StartDate { get; set; } = "";
    /// <summary>Local hand-off time, <c>09:00</c>.</summary>
    public string HandoffTime { get; set; } = "09:00";
}
