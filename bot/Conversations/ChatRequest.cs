using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Outbox;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Conversations;

/// <summary>Text a person typed to the bot, with what the platform adapter needs done around it.</summary>
/// <param name="Platform">Where it came from (<c>slack</c>, <c>teams</c>, <c>local</c>); a raised ticket's updates go back there.</param>
public sealed record ChatRequest(UserRef User, string Platform, string Text)
{
    /// <summary>The platform request's identity: recorded with what the message did, in one transaction, so a redelivery does nothing.</summary>
    public InboundReceipt? Receipt { get; init; }

    /// <summary>
    /// How to answer through the outbox (in the same transaction as the work); null: the caller answers in its response (a slash
    /// command's ephemeral reply, the emulator).
    /// </summary>
    public Func<ChatReply, OutboxReply?>? Answer { get; init; }

    /// <summary>The writer's time zone when the platform says it (Slack <c>users.info</c> <c>tz</c>, Teams <c>localTimezone</c>); null:
    /// times are written in the desk's calendar zone.</summary>
    public TimeZoneInfo? Zone { get; init; }
}
