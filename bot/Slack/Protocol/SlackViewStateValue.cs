namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The current value of one input element in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record SlackViewStateValue
{
    /// <summary>Element type, e.g. <c>plain_text_input</c>, <c>static_select</c>, <c>users_select</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Typed text (<c>plain_text_input</c>); null when left empty.</summary>
    public string? Value { get; init; }

    /// <summary>Chosen option of a single select or radio group.</summary>
    public SlackSelectedOption? SelectedOption { get; init; }

    /// <summary>Chosen options of a multi select or checkboxes.</summary>
    public IReadOnlyList<SlackSelectedOption>? SelectedOptions { get; init; }

    /// <summary>Chosen user of a <c>users_select</c>.</summary>
    public string? SelectedUser { get; init; }

    /// <summary>Chosen users of a <c>multi_users_select</c>.</summary>
    public IReadOnlyList<string>? SelectedUsers { get; init; }

    /// <summary>Chosen conversation of a <c>conversations_select</c>.</summary>
    public string? SelectedConversation { get; init; }

    /// <summary>Chosen date (<c>YYYY-MM-DD</c>) of a <c>datepicker</c>.</summary>
    public string? SelectedDate { get; init; }
}
