using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>Reads Adaptive Card JSON in assertions: the <c>Action.Execute</c> verbs anywhere in the card, and all its text.</summary>
public static class CardInspection
{
    /// <summary>Verbs of every <c>Action.Execute</c> in <paramref name="card"/>, including inside <c>Action.ShowCard</c> sub-cards (refresh excluded).</summary>
    public static List<string> Verbs(JsonNode? card)
    {
        var verbs = new List<string>();
        Walk(card?["actions"], verbs);
        return verbs;
    }

    /// <summary>The card serialized, for "mentions X" checks.</summary>
    public static string Text(JsonNode? card) => card?.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }) ?? "";

    private static void Walk(JsonNode? actions, List<string> verbs)
    {
        foreach (var action in actions as JsonArray ?? [])
        {
            if (action?["type"]?.GetValue<string>() == "Action.Execute" && action["verb"]?.GetValue<string>() is { } verb) verbs.Add(verb);
            if (action?["card"] is JsonObject sub) Walk(sub["actions"], verbs);
        }
    }
}
