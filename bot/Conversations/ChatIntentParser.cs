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
        ["takeover"] = ChatIntentKind.TakeOver, ["whatif"] = ChatIntentKind.WhatIf, ["what-if"] = ChatIntentKind.WhatIf,
    };

    private static readonly HashSet<ChatIntentKind> NeedTicket =
    [
        ChatIntentKind.Status, ChatIntentKind.Note, ChatIntentKind.Cancel, ChatIntentKind.Reopen, ChatIntentKind.Manager,
        ChatIntentKind.Accept, ChatIntentKind.Resolve, ChatIntentKind.WaitOnUser, ChatIntentKind.Resume, ChatIntentKind.Acknowledge,
        ChatIntentKind.Escalate, ChatIntentKind.Reassign, ChatIntentKind.Vendor, ChatIntentKind.Priority, ChatIntentKind.TakeOver,
    ];

    public static ChatIntent Parse(string? text)
    {
        var slash = (text ?? "").TrimStart().StartsWith('/');
        var trimmed = (text ?? "").Trim().TrimStart('/');
        if (trimmed.Length == 0) return new ChatIntent(ChatIntentKind.Help, null, "");
        var (verb, rest) = Split(trimmed);
        if (!Verbs.TryGetValue(verb, out var kind)) return new ChatIntent(ChatIntentKind.Unknown, null, trimmed, DidYouMean(verb, slash));
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

    /// <summary>True for a verb that raises a ticket (<c>ticket</c>, <c>raise</c>, <c>new</c>).</summary>
    public static bool IsRaise(string verb) => Verbs.TryGetValue(verb, out var kind) && kind == ChatIntentKind.Raise;

    /// <summary>
    /// The verb a mistyped first word was meant to be: for a slash command (<c>/tiket</c>, <c>/staus</c>) any verb one edit away
    /// (two for words of six letters or more); without a slash only <c>ticket</c> one edit away (<c>tiket VPN down</c>), so an
    /// ordinary sentence is not taken for a command. An edit is an insertion, deletion, substitution or swap of two neighbours.
    /// </summary>
    public static string? DidYouMean(string word, bool slash)
    {
        if (word.Length < 3) return null;
        var lower = word.ToLowerInvariant();
        IEnumerable<string> candidates = slash ? Verbs.Keys : ["ticket"];
        var best = candidates
            .Select(v => (Verb: v, Distance: EditDistance(lower, v)))
            .Where(c => c.Distance > 0 && c.Distance <= (slash && c.Verb.Length >= 6 ? 2 : 1))
            .OrderBy(c => c.Distance).ThenBy(c => c.Verb, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Verb;
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps).</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    private static (string Head, string Tail) Split(string text)
    {
        var t = text.Trim();
        var space = t.IndexOfAny([' ', '\n', '\t']);
        return space < 0 ? (t, "") : (t[..space], t[(space + 1)..].Trim());
    }
}
