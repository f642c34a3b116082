namespace ChatEscalation.Bot.Teams;

/// <summary>Where the bot last sent a person their home card: the 1:1 conversation and the activity the Connector gave it.</summary>
/// <param name="ServiceUrl">The Connector's service URL for that conversation.</param>
/// <param name="ConversationId">The 1:1 chat (<c>a:…</c>).</param>
/// <param name="ActivityId">The card's activity id (the Connector's answer <c>id</c> when it was posted).</param>
/// <param name="TeamsUserId">The person's Teams user id (their zone, and the card's <c>refresh.userIds</c>).</param>
public sealed record TeamsHomeCardRef(string ServiceUrl, string ConversationId, string ActivityId, string TeamsUserId);
