namespace ChatEscalation.Core.Policy.Options;

/// <summary>One on-call rotation: layers taking turns in a time zone, plus dated overrides.</summary>
public sealed class RotationOptions
{
    public string TimeZone { get; set; } = "UTC";
    public List<RotationLayerOptions> Layers { get; set; } = [];
    public List<RotationOverrideOptions> Overrides { get; set; } = [];
}
