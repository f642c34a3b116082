namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The <c>channel</c> of an interaction payload (absent for actions inside modals).</summary>
public sealed record SlackChannelRef
{
    /// <summary>Channel id.</summary>
    public string? Id { get; init; }

    /// <summary>Channel name (display only).</summary>
    public string? Name { get; init; }
}
