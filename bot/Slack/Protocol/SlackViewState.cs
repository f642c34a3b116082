namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>The <c>state</c> of a view: input values keyed by block id, then action id.</summary>
public sealed record SlackViewState
{
    /// <summary><c>values[block_id][action_id]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackViewStateValue>> Values { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, SlackViewStateValue>>();

    /// <summary>The value of one input, or null when the block or action is absent.</summary>
    public SlackViewStateValue? Get(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var value) ? value : null;
}
