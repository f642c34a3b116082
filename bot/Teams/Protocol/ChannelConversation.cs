namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// A new channel thread created proactively: <see cref="ConversationId"/> (opaque; typically
/// <c>19:…;messageid=…</c>) to reply into, and <see cref="ActivityId"/> of the root post to update.
/// </summary>
public sealed record ChannelConversation(string ConversationId, string? ActivityId);
