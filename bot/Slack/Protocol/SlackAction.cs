namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>One entry of <c>actions</c> in a <c>block_actions</c> payload (usually exactly one).</summary>
public sealed record SlackAction
{
    /// <summary>Element type, e.g. <c>button</c>, <c>static_select</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The element's <c>action_id</c> as rendered by the bot.</summary>
    public string? ActionId { get; init; }

    /// <summary>The enclosing block's <c>block_id</c>.</summary>
    public string? BlockId { get; init; }

    /// <summary>A button's <c>value</c> (≤ 2000 chars).</summary>
    public string? Value { get; init; }

    /// <summary>A select's chosen option.</summary>
    public SlackSelectedOption? SelectedOption { get; init; }

    /// <summary>When the action happened (Slack ts format).</summary>
    public string? ActionTs { get; init; }
}
