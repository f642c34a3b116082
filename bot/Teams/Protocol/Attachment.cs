using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>An activity attachment, e.g. an Adaptive Card (<see cref="AdaptiveCardContentType"/>).</summary>
public sealed class Attachment
{
    /// <summary>The MIME type of Adaptive Card attachments.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>MIME type of <see cref="Content"/>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The attachment body (for cards: the card JSON).</summary>
    public JsonNode? Content { get; set; }

    /// <summary>Link to the content instead of inline content.</summary>
    public string? ContentUrl { get; set; }

    /// <summary>Optional name.</summary>
    public string? Name { get; set; }

    /// <summary>Members not modelled above, preserved as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Wraps an Adaptive Card JSON object as an attachment.</summary>
    public static Attachment AdaptiveCard(JsonNode card) =>
        new() { ContentType = AdaptiveCardContentType, Content = card };
}
