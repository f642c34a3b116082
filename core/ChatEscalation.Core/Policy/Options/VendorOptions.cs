namespace ChatEscalation.Core.Policy.Options;

/// <summary>A Tier 4 vendor and its contracted targets.</summary>
public sealed class VendorOptions
{
    public string Name { get; set; } = "";
    public string Contract { get; set; } = "";
    public string RespondWithin { get; set; } = "4h";
    public string ResolveWithin { get; set; } = "3d";
    public string Calendar { get; set; } = "24x7";
    /// <summary>How often the owner is reminded to chase the vendor.</summary>
    public string ChaseEvery { get; set; } = "1d";
}
