namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The <c>team</c> of an interaction payload (null for org-wide installs).</summary>
public sealed record SlackTeamRef
{
    /// <summary>Workspace id (<c>T…</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Workspace subdomain.</summary>
    public string? Domain { get; init; }
}
