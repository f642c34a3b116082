namespace ChatEscalation.Core.Policy;

/// <summary>One logical channel's id on each platform; null where the platform does not carry it.</summary>
public sealed record ChannelAddress(string? Slack, string? Teams, string? Local)
{
    /// <summary>
    /// A Slack user group (<c>S…</c>) the tier's cards mention (<c>&lt;!subteam^S…&gt;</c>) while nobody owns the ticket, so a new card
    /// pings the group; null: no group mention. Tier channels only.
    /// </summary>
    public string? SlackUserGroup { get; init; }

    public string? For(string platform) => platform switch
    {
        "slack" => Slack,
        "teams" => Teams,
        "local" => Local,
        _ => null,
    };
}
