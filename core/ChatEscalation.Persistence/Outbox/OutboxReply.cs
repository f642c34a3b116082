using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Persistence.Outbox;

/// <summary>The bot's answer to the person who acted, to be delivered through the outbox like every other message.</summary>
/// <param name="Platform">The platform whose sender delivers it.</param>
/// <param name="Conversation">Where it goes, as a short stable key (a Slack channel id, a Teams conversation id): replies to one conversation arrive in order.</param>
/// <param name="To">The person answered.</param>
/// <param name="Text">The answer.</param>
/// <param name="TicketNumber">The ticket the answer shows as a card (rendered as it is when delivered), or null.</param>
/// <param name="RouteJson">The platform sender's own address and extras (thread, ephemeral, a list of tickets …), opaque to persistence.</param>
public sealed record OutboxReply(string Platform, string Conversation, UserRef To, string Text, long? TicketNumber, string RouteJson);
