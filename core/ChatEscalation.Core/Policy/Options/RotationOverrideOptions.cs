namespace ChatEscalation.Core.Policy.Options;

/// <summary>Somebody else (or nobody) covers a layer between two local date-times.</summary>
public sealed class RotationOverrideOptions
{
    public string? Layer { get; set; }
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string? Person { get; set; }
}
