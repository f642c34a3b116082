using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>
/// Checks Adaptive Card JSON two ways: against the official 1.5 JSON Schema
/// (<c>tests/schemas/adaptive-cards/adaptive-card-1.5.json</c>, JsonSchema.Net, offline) and with the official
/// <c>adaptivecards</c> JavaScript renderer (via tests/js/validate-card.js).
/// </summary>
/// <remarks>
/// The schema is strict and knows nothing about the Teams <c>msteams</c> extensions, so every <c>msteams</c> /
/// <c>msTeams</c> member is removed from a copy before schema validation; the card passed in is not changed.
/// The renderer sees the card unchanged. Thread-safe.
/// </remarks>
public static class AdaptiveCardValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() => OfflineJsonSchema.Load(RepoPaths.AdaptiveCardSchemaFile));

    private static readonly JsonSerializerOptions ResultJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// Validates a copy of <paramref name="card"/>, without its <c>msteams</c> members, against the Adaptive Cards
    /// 1.5 schema. Returns one line per failed keyword; empty when the card is valid.
    /// </summary>
    public static IReadOnlyList<string> ValidateAgainstSchema(JsonNode card)
    {
        var copy = card.DeepClone();
        RemoveTeamsExtensions(copy);
        return OfflineJsonSchema.Errors(Schema.Value, copy);
    }

    /// <summary>Parses, validates and renders one card with the official renderer (one <c>node</c> run).</summary>
    public static OfficialRendererResult ParseWithOfficialRenderer(JsonNode card) =>
        ParseWithOfficialRenderer([card])[0];

    /// <summary>
    /// Parses, validates and renders many cards with one <c>node</c> run; results are in input order.
    /// </summary>
    public static IReadOnlyList<OfficialRendererResult> ParseWithOfficialRenderer(IReadOnlyList<JsonNode> cards)
    {
        if (cards.Count == 0)
        {
            return [];
        }

        var input = new JsonArray(cards.Select(c => c.DeepClone()).ToArray()).ToJsonString();
        var run = NodeTools.RunScript("validate-card.js", [], input).EnsureSuccess("validate-card.js");
        var results = JsonSerializer.Deserialize<List<OfficialRendererResult>>(run.StandardOutput, ResultJson)
            ?? throw new InvalidOperationException("validate-card.js printed no results: " + run.StandardOutput);
        return results.Count == cards.Count
            ? results
            : throw new InvalidOperationException($"validate-card.js returned {results.Count} results for {cards.Count} cards.");
    }

    private static void RemoveTeamsExtensions(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(IsTeamsExtension).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, child) in obj)
                {
                    RemoveTeamsExtensions(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RemoveTeamsExtensions(child);
                }

                break;
        }
    }

    private static bool IsTeamsExtension(string name) => string.Equals(name, "msteams", StringComparison.OrdinalIgnoreCase);
}
