namespace ChatEscalation.Core.Policy;

/// <summary>One logical channel's id on each platform; null where the platform does not carry it.</summary>
public sealed record ChannelAddress(string? Slack, string? Teams, string? Local)
{
    public string? For(string platform) => platform switch
    {
        "slack" => Slack,
        "teams" => Teams,
        "local" => Local,
        _ => null,
    };
}
