using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Conversations;

/// <summary>Reads the words people type to the bot in Slack, Teams or the emulator (<c>ticket VPN drops</c>, <c>status INC-42</c> …).</summary>
/// <remarks>Pure translation: no decisions. A leading slash (<c>/ticket</c>) and the bot's mention are ignored.</remarks>
public static class ChatIntentParser
{
    private static readonly Dictionary<string, ChatIntentKind> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ticket"] = ChatIntentKind.Raise, ["raise"] = ChatIntentKind.Raise, ["new"] = ChatIntentKind.Raise,
        ["status"] = ChatIntentKind.Status, ["mine"] = ChatIntentKind.Mine, ["oncall"] = ChatIntentKind.OnCall,
        ["on-call"] = ChatIntentKind.OnCall, ["help"] = ChatIntentKind.Help, ["note"] = ChatIntentKind.Note,
        ["cancel"] = ChatIntentKind.Cancel, ["reopen"] = ChatIntentKind.Reopen, ["manager"] = ChatIntentKind.Manager,
        ["accept"] = ChatIntentKind.Accept, ["resolve"] = ChatIntentKind.Resolve, ["wait"] = ChatIntentKind.WaitOnUser,
        ["resume"] = ChatIntentKind.Resume, ["ack"] = ChatIntentKind.Acknowledge, ["escalate"] = ChatIntentKind.Escalate,
        ["reassign"] = ChatIntentKind.Reassign, ["vendor"] = ChatIntentKind.Vendor, ["priority"] = ChatIntentKind.Priority,
        ["takeover"] = ChatIntentKind.TakeOver,
    };

    private static readonly HashSet<ChatIntentKind> NeedTicket =
    [
        ChatIntentKind.Status, ChatIntentKind.Note, ChatIntentKind.Cancel, ChatIntentKind.Reopen, ChatIntentKind.Manager,
        ChatIntentKind.Accept, ChatIntentKind.Resolve, ChatIntentKind.WaitOnUser, ChatIntentKind.Resume, ChatIntentKind.Acknowledge,
        ChatIntentKind.Escalate, ChatIntentKind.Reassign, ChatIntentKind.Vendor, ChatIntentKind.Priority, ChatIntentKind.TakeOver,
    ];

    public static ChatIntent Parse(string? text)
    {
        var trimmed = (text ?? "").Trim().TrimStart('/');
        if (trimmed.Length == 0) return new ChatIntent(ChatIntentKind.Help, null, "");
        var (verb, rest) = Split(trimmed);
        if (!Verbs.TryGetValue(verb, out var kind)) return new ChatIntent(ChatIntentKind.Unknown, null, trimmed);
        if (kind == ChatIntentKind.Raise)
        {
            // "ticket status INC-42" and "ticket mine" are the slash-command forms of the other verbs.
            var (inner, innerRest) = Split(rest);
            if (Verbs.TryGetValue(inner, out var sub) && sub != ChatIntentKind.Raise && (sub != ChatIntentKind.Unknown))
                return Parse(inner + " " + innerRest);
            return new ChatIntent(ChatIntentKind.Raise, null, rest);
        }
        if (!NeedTicket.Contains(kind)) return new ChatIntent(kind, null, rest);
        var (key, after) = Split(rest);
        return TicketKey.TryParse(key, out var number)
            ? new ChatIntent(kind, number, after)
            : new ChatIntent(kind, null, rest);
    }

    private static (string Head, string Tail) Split(string text)
    {
        var t = text.Trim();
        var space = t.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? (t, "") : (t[..space], t[(space + 1)..].Trim());
    }
}
