namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Who the bot token belongs to (<c>auth.test</c>): used to ignore the bot's own messages.</summary>
/// <param name="UserId">The bot user's id (<c>U…</c>).</param>
/// <param name="BotId">The bot id (<c>B…</c>) seen as <c>bot_id</c> on its messages.</param>
/// <param name="TeamId">The workspace.</param>
public sealed record SlackAuthIdentity(string UserId, string? BotId, string? TeamId);
