using System.Text.Json;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>The value of an <c>adaptiveCard/action</c> invoke: the <c>Action.Execute</c> verb, its data (with the card's inputs merged in) and the trigger.</summary>
/// <param name="Trigger"><c>automatic</c> for a card refresh, <c>manual</c> for a click.</param>
public sealed record AdaptiveCardInvoke(string? Verb, JsonElement Data, string? Trigger)
{
    /// <summary>The invoke name Teams uses for Universal Actions.</summary>
    public const string Name = "adaptiveCard/action";

    /// <summary>Reads <c>value.action.verb</c>, <c>value.action.data</c> and <c>value.trigger</c>; missing parts are null/undefined.</summary>
    public static AdaptiveCardInvoke From(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } v) return new(null, default, null);
        var trigger = v.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object) return new(null, default, trigger);
        var verb = action.TryGetProperty("verb", out var vb) && vb.ValueKind == JsonValueKind.String ? vb.GetString() : null;
        return new(verb, action.TryGetProperty("data", out var data) ? data : default, trigger);
    }

    /// <summary>
    /// An automatic refresh, or the card's <paramref name="refreshVerb"/> clicked by hand (Teams' "Refresh card" menu item sends the
    /// refresh action with <c>trigger: manual</c> when the card has no <c>userIds</c> for the viewer).
    /// </summary>
    public bool IsRefresh(string refreshVerb) => Trigger == "automatic" || string.Equals(Verb, refreshVerb, StringComparison.OrdinalIgnoreCase);
}
