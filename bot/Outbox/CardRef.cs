namespace ChatEscalation.Bot.Outbox;

/// <summary>Where a ticket's card sits on a platform, so it can be edited in place and replied to in its thread.</summary>
/// <param name="ChannelId">Slack channel id, Teams channel/conversation id, or the emulator channel.</param>
/// <param name="MessageId">Slack <c>ts</c>, Teams activity id, or the emulator's message id.</param>
/// <param name="ConversationId">Teams: the thread's conversation id (<c>19:…;messageid=…</c>).</param>
/// <param name="ServiceUrl">Teams: the service URL the card was posted through.</param>
public sealed record CardRef(string ChannelId, string MessageId, string? ConversationId = null, string? ServiceUrl = null);
