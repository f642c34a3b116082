namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// The seam between the Slack protocol layer and the ticket engine: verified, parsed Slack traffic comes in,
/// the acknowledgement goes out. The same calls serve HTTP callbacks and Socket Mode.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Slack waits 3 s for the reply: do the minimum (persist a command, queue outbox rows) and return.</item>
/// <item>Events are redelivered on timeouts and errors, even while the first delivery is still running:
/// de-duplicate on <see cref="SlackEventCallback.EventId"/> (the adapter does not).</item>
/// <item>The adapter does not filter the bot's own messages, <c>api_app_id</c> or <c>team_id</c>: the handler does.</item>
/// <item>An exception becomes HTTP 500 (Slack retries) or, in Socket Mode, no ack (Slack redelivers).</item>
/// </list>
/// Implementations are resolved from a DI scope per request or per Socket Mode envelope.
/// </remarks>
public interface ISlackInbound
{
    /// <summary>An Events API <c>event_callback</c> (app mention, DM …). Usually answered with <see cref="SlackReply.Empty"/>.</summary>
    Task<SlackReply> OnEventAsync(SlackEventCallback callback, CancellationToken ct);

    /// <summary>A slash command. The reply (text or ephemeral JSON) is shown to the user.</summary>
    Task<SlackReply> OnCommandAsync(SlackSlashCommand command, CancellationToken ct);

    /// <summary>A button click, modal submission or modal close.</summary>
    Task<SlackReply> OnInteractionAsync(SlackInteraction interaction, CancellationToken ct);
}
