using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>Removes @mentions of the bot from message text before commands are parsed.</summary>
public static partial class MentionText
{
    /// <summary>
    /// Returns <c>activity.text</c> without the <c>&lt;at&gt;…&lt;/at&gt;</c> mentions whose
    /// <c>mentioned.id</c> equals the bot (<c>recipient.id</c>), trimmed. When no mention entity
    /// names the bot, mentions are left alone. Null text becomes the empty string.
    /// </summary>
    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.Entities is not null)
        {
            foreach (var entity in activity.Entities.OfType<JsonObject>())
            {
                if (!IsMentionOf(entity, botId)) continue;
                if (entity["text"] is JsonValue v && v.TryGetValue<string>(out var mentionText) && mentionText.Length > 0)
                {
                    text = text.Replace(mentionText, " ", StringComparison.Ordinal);
                }
            }
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    private static bool IsMentionOf(JsonObject entity, string botId) =>
        entity["type"] is JsonValue t && t.TryGetValue<string>(out var type)
        && string.Equals(type, "mention", StringComparison.OrdinalIgnoreCase)
        && entity["mentioned"] is JsonObject mentioned
        && mentioned["id"] is JsonValue id && id.TryGetValue<string>(out var mentionedId)
        && string.Equals(mentionedId, botId, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
