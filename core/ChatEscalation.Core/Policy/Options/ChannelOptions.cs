namespace ChatEscalation.Core.Policy.Options;

/// <summary>Where one logical channel lives on each platform; an empty id means the platform does not carry it.</summary>
public sealed class ChannelOptions
{
    /// <summary>Slack channel id, e.g. <c>C0123ABCD</c>.</summary>
    public string? Slack { get; set; }
    /// <summary>Teams channel id, e.g. <c>19:abc@thread.tacv2</c>.</summary>
    public string? Teams { get; set; }
    /// <summary>The local emulator's channel name, e.g. <c>tier-1</c>.</summary>
    public string? Local { get; set; }
    /// <summary>Tier channels only: a Slack user group id (<c>S0123ABCD</c>) the tier's new cards mention; empty for none.</summary>
    public string? SlackUserGroup { get; set; }
}
