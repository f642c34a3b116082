namespace ChatEscalation.Bot.Slack;

/// <summary>The block ids of modal inputs (also the engine's <c>Refusal.Field</c> names) and the modals' callback ids.</summary>
/// <remarks>Every input element inside these blocks has action_id <see cref="Value"/>; view_submission reads
/// <c>view.state.values[block_id].value</c>.</remarks>
public static class SlackBlockIds
{
    public const string Value = "value";
    public const string Title = "title";
    public const string Description = "description";
    public const string Category = "category";
    public const string Impact = "impact";
    public const string Urgency = "urgency";
    public const string Service = "service";
    public const string Tried = "tried";
    public const string Outcome = "outcome";
    public const string Needs = "needs";
    public const string Resolution = "resolution";
    public const string Reason = "reason";
    public const string Tier = "tier";
    public const string Owner = "owner";

    /// <summary>Callback id of the raise modal (the others use the button's action id).</summary>
    public const string RaiseCallback = "raise";
}
