namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The <c>user</c> of an interaction payload.</summary>
public sealed record SlackUserRef
{
    /// <summary>Slack user id (<c>U…</c> / <c>W…</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Handle (deprecated by Slack, display only).</summary>
    public string? Username { get; init; }

    /// <summary>Name (display only).</summary>
    public string? Name { get; init; }

    /// <summary>The user's workspace.</summary>
    public string? TeamId { get; init; }
}
