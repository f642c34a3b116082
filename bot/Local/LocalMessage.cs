using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Local;

/// <summary>One message in the emulator, as the page shows it.</summary>
/// <param name="Id">Emulator message id (<c>m17</c>); a card keeps its id when it is updated in place.</param>
/// <param name="ThreadOf">The id of the message whose thread this reply belongs to (a card, a DM, a person's message); null for a top-level message.</param>
/// <param name="Kind"><c>card</c>, <c>thread</c>, <c>direct</c>, <c>alert</c> (from the outbox), <c>user</c> (typed by a person) or <c>bot</c> (the bot's chat reply).</param>
/// <param name="AuthorKey">E-mail key of the person who typed it, or <c>bot</c>.</param>
/// <param name="Ticket">The ticket number the message is about, if any.</param>
/// <param name="View">The channel-neutral <c>TicketCardView</c> as JSON, for cards and ticket messages.</param>
/// <param name="BlockKit">The Slack rendering (a Block Kit <c>blocks</c> array) of the same message.</param>
/// <param name="AdaptiveCard">The Teams rendering (an Adaptive Card 1.5) of the same message.</param>
/// <param name="Revision">1 when posted; incremented by every in-place update.</param>
public sealed record LocalMessage(
    string Id,
    string ChannelId,
    string? ThreadOf,
    string Kind,
    string AuthorKey,
    string AuthorName,
    string Text,
    long? Ticket,
    IReadOnlyList<string> Actions,
    bool Urgent,
    JsonNode? View,
    JsonNode? BlockKit,
    JsonNode? AdaptiveCard,
    DateTimeOffset At,
    int Revision);
