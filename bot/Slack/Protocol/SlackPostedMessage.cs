namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Where a message now lives: the pair <c>chat.update</c> and thread replies need.</summary>
/// <param name="Channel">Channel id (for a DM the <c>D…</c> id, even when posted to a user id).</param>
/// <param name="Ts">The message ts.</param>
public sealed record SlackPostedMessage(string Channel, string Ts);
