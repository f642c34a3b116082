namespace ChatEscalation.Core.Tickets;

/// <summary>
/// The chat thread a ticket was raised from (the thread under somebody's message in a channel), on the ticket's
/// <see cref="Ticket.Origin"/> platform: the reporter's status lines are posted there too, and a reply there is a note on the ticket.
/// </summary>
/// <param name="Conversation">The platform's channel id (a Slack channel <c>C…</c>, a Teams channel <c>19:…@thread.tacv2</c>, an emulator channel).</param>
/// <param name="ThreadId">The id of the thread's first message (a Slack <c>ts</c>, a Teams message id, an emulator message id).</param>
/// <param name="Endpoint">Where the platform is reached for this conversation (a Teams service URL); null where there is one endpoint.</param>
public sealed record SourceThread(string Conversation, string ThreadId, string? Endpoint = null)
{
    /// <summary>The thread's one lookup key on <paramref name="platform"/>: <c>platform|conversation|thread</c>.</summary>
    public string Key(string platform) => KeyOf(platform, Conversation, ThreadId);

    /// <summary>The lookup key of the thread <paramref name="threadId"/> in <paramref name="conversation"/> on <paramref name="platform"/>.</summary>
    public static string KeyOf(string platform, string conversation, string threadId) => $"{platform}|{conversation}|{threadId}";
}
