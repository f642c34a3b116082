namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Where an interaction happened: a message (<see cref="MessageTs"/>) or a view (<see cref="ViewId"/>).</summary>
public sealed record SlackContainer
{
    /// <summary><c>message</c> or <c>view</c>.</summary>
    public string? Type { get; init; }

    /// <summary>ts of the message holding the clicked element.</summary>
    public string? MessageTs { get; init; }

    /// <summary>Channel of that message.</summary>
    public string? ChannelId { get; init; }

    /// <summary>True when the message was ephemeral (it cannot be updated with <c>chat.update</c>).</summary>
    public bool? IsEphemeral { get; init; }

    /// <summary>Id of the view holding the clicked element.</summary>
    public string? ViewId { get; init; }
}
