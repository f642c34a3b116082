namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Default <see cref="ISlackInbound"/> until the ticket engine registers its own: acknowledges everything
/// with an empty 200 and does nothing else.
/// </summary>
public sealed class UnconfiguredSlackInbound : ISlackInbound
{
    /// <inheritdoc />
    public Task<SlackReply> OnEventAsync(SlackEventCallback callback, CancellationToken ct) => Task.FromResult(SlackReply.Empty);

    /// <inheritdoc />
    public Task<SlackReply> OnCommandAsync(SlackSlashCommand command, CancellationToken ct) => Task.FromResult(SlackReply.Empty);

    /// <inheritdoc />
    public Task<SlackReply> OnInteractionAsync(SlackInteraction interaction, CancellationToken ct) => Task.FromResult(SlackReply.Empty);
}
