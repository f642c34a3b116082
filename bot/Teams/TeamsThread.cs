using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// A thread in a Teams channel: the channel's conversation id (<c>19:…@thread.tacv2</c>) and the id of the thread's first message.
/// Inside a thread, Teams writes the conversation id as <c>19:…@thread.tacv2;messageid=&lt;first message id&gt;</c>.
/// </summary>
public sealed record TeamsThread(string Channel, string RootId)
{
    private const string Marker = ";messageid=";

    /// <summary>The thread a channel activity was written in; null outside a channel or at a channel's top level.</summary>
    public static TeamsThread? Of(Activity activity)
    {
        if (activity.IsPersonal || activity.Conversation?.Id is not { } id) return null;
        var at = id.IndexOf(Marker, StringComparison.Ordinal);
        if (at > 0 && id[(at + Marker.Length)..] is { Length: > 0 } root) return new TeamsThread(id[..at], root);
        return activity.ReplyToId is { Length: > 0 } parent && IsChannel(activity) ? new TeamsThread(id, parent) : null;
    }

    /// <summary>
    /// The thread a message-extension action's message belongs to in a channel: its thread (the message is a reply), else the thread the
    /// message starts; null outside a channel (a chat has no threads).
    /// </summary>
    public static TeamsThread? OfMessage(Activity activity, TeamsMessagePayload message)
    {
        if (!IsChannel(activity) || activity.Conversation?.Id is not { } id) return null;
        var at = id.IndexOf(Marker, StringComparison.Ordinal);
        var channel = at > 0 ? id[..at] : id;
        var root = message.ReplyToId ?? message.Id ?? (at > 0 ? id[(at + Marker.Length)..] : null);
        return root is { Length: > 0 } ? new TeamsThread(channel, root) : null;
    }

    /// <summary>As a ticket's source thread, reached through <paramref name="serviceUrl"/>.</summary>
    public SourceThread ToSource(string? serviceUrl) => new(Channel, RootId, serviceUrl);

    private static bool IsChannel(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);
}
