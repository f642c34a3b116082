namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The <c>view</c> of a <c>view_submission</c> / <c>view_closed</c> payload (a modal), or of a <c>block_actions</c> payload from a modal or the App Home.</summary>
public sealed record SlackView
{
    /// <summary>View id (<c>V…</c>).</summary>
    public string? Id { get; init; }

    /// <summary><c>modal</c>, or <c>home</c> for an action on the App Home.</summary>
    public string? Type { get; init; }

    /// <summary>The bot's <c>callback_id</c> naming which modal this is.</summary>
    public string? CallbackId { get; init; }

    /// <summary>The bot's opaque context (≤ 3000 chars), e.g. the ticket number.</summary>
    public string? PrivateMetadata { get; init; }

    /// <summary>Version hash used to avoid lost updates with <c>views.update</c>.</summary>
    public string? Hash { get; init; }

    /// <summary>The first view of the stack.</summary>
    public string? RootViewId { get; init; }

    /// <summary>The view below this one on the stack, when pushed.</summary>
    public string? PreviousViewId { get; init; }

    /// <summary>Input values at submit time.</summary>
    public SlackViewState State { get; init; } = new();
}
