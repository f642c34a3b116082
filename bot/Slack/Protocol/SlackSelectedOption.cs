namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>A chosen option of a select menu, radio group or checkbox.</summary>
public sealed record SlackSelectedOption
{
    /// <summary>The option's <c>value</c> as rendered by the bot.</summary>
    public string? Value { get; init; }
}
