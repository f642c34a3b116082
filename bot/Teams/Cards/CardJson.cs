using System.Text.Json.Nodes;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>Small builders for Adaptive Card 1.5 elements and actions (internal to the renderers).</summary>
internal static class CardJson
{
    public const string Version = "1.5";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    public static JsonObject Card(JsonArray body, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = SchemaUrl,
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions is { Count: > 0 }) card["actions"] = actions;
        return card;
    }

    /// <summary>A nested card for Action.ShowCard (no $schema, no version: the schema and renderer take them from the parent).</summary>
    public static JsonObject SubCard(JsonArray body, JsonArray actions) =>
        new() { ["type"] = "AdaptiveCard", ["body"] = body, ["actions"] = actions };

    public static JsonObject Text(string text, bool wrap = true, string? weight = null, string? size = null, string? color = null, bool subtle = false, string? style = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = wrap };
        if (weight is not null) block["weight"] = weight;
        if (size is not null) block["size"] = size;
        if (color is not null) block["color"] = color;
        if (subtle) block["isSubtle"] = true;
        if (style is not null) block["style"] = style;
        return block;
    }

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    };

    public static JsonObject Execute(string title, string verb, JsonObject data, string? style = null)
    {
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = data };
        if (style is not null) action["style"] = style;
        return action;
    }

    public static JsonObject ShowCard(string title, JsonObject card) =>
        new() { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = card };

    public static JsonObject OpenUrl(string title, string url) =>
        new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    /// <summary>The Adaptive Card input for one form field: <c>Input.Text</c> (multiline or not) or a compact <c>Input.ChoiceSet</c>.</summary>
    public static JsonObject Input(FormField field, string id, int? maxLength = null)
    {
        if (field.Kind == FormFieldKind.Choice)
        {
            var set = Choices(id, field.Label, (field.Choices ?? []).Select(c => (c.Label, c.Value)), field.Value);
            if (field.Required) Require(set, field.Label);
            return set;
        }

        var input = new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = id,
            ["label"] = field.Label,
            ["isMultiline"] = field.Kind == FormFieldKind.Multiline,
        };
        if (field.Placeholder is { } placeholder) input["placeholder"] = placeholder;
        var max = maxLength ?? field.MaxLength;
        if (max > 0) input["maxLength"] = max;
        if (field.Required) Require(input, field.Label);
        if (!string.IsNullOrEmpty(field.Value)) input["value"] = max > 0 ? TextCut.Prefix(field.Value, max) : field.Value;
        return input;
    }

    private static void Require(JsonObject input, string label)
    {
        input["isRequired"] = true;
        input["errorMessage"] = $"{label.TrimEnd('?', ':')}: required.";
    }

    public static JsonObject Choices(string id, string label, IEnumerable<(string Title, string Value)> choices, string? value)
    {
        var set = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "compact",
            ["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
        };
        if (value is not null) set["value"] = value;
        return set;
    }
}
