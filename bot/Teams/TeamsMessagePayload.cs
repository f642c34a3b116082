using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// The message a message-extension action was used on (<c>value.messagePayload</c> of <c>composeExtension/fetchTask</c> and
/// <c>composeExtension/submitAction</c>): its text (the HTML body as plain text), its author, its link and its file attachments.
/// </summary>
/// <param name="Id">The message's id (<c>messagePayload.id</c>).</param>
/// <param name="ReplyToId">The first message of its thread when it is a reply in a channel thread (<c>messagePayload.replyToId</c>).</param>
public sealed partial record TeamsMessagePayload(string Text, ChannelAccount? Author, string? Link, IReadOnlyList<(string Name, string Url)> Files,
    string? Id = null, string? ReplyToId = null)
{
    /// <summary>Reads <c>value.messagePayload</c>; null when the invoke carries none.</summary>
    public static TeamsMessagePayload? From(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("messagePayload", out var m) || m.ValueKind != JsonValueKind.Object) return null;
        var body = m.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        var content = Str(body, "content") ?? "";
        var text = string.Equals(Str(body, "contentType"), "html", StringComparison.OrdinalIgnoreCase) ? PlainText(content) : content.Trim();
        ChannelAccount? author = null;
        if (m.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object && from.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object)
            author = new ChannelAccount { Id = Str(u, "id"), Name = Str(u, "displayName"), AadObjectId = Str(u, "aadObjectId") ?? Str(u, "id") };
        var files = new List<(string, string)>();
        if (m.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in attachments.EnumerateArray())
            {
                if (Str(a, "contentUrl") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
                    files.Add((Str(a, "name") ?? "file", url));
            }
        }

        return new TeamsMessagePayload(text, author, Str(m, "linkToMessage"), files, Str(m, "id"), Str(m, "replyToId"));
    }

    /// <summary>The text to prefill the raise form with: the message, then its files as links.</summary>
    public string Prefill => Files.Count == 0 ? Text : $"{Text}\n\nFiles:\n{string.Join("\n", Files.Select(f => $"• {f.Name}: {f.Url}"))}";

    private static string PlainText(string html)
    {
        var lines = LineBreak().Replace(html, "\n");
        return WebUtility.HtmlDecode(Tag().Replace(lines, "")).Trim();
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } s ? s : null;

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
