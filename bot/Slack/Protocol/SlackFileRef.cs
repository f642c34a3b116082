namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>A file shared with a message: its name and the link people open it with.</summary>
public sealed record SlackFileRef
{
    /// <summary>File name, e.g. <c>vpn-error.png</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Title, when it was given one.</summary>
    public string? Title { get; init; }

    /// <summary>Link to the file in Slack (needs a signed-in member of the conversation).</summary>
    public string? Permalink { get; init; }
}
