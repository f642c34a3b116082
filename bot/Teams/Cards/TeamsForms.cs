using System.Text.Json;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>
/// How the engine's forms live in Adaptive Cards: every input id is <c>{action}.{field}</c> (<see cref="InputId"/>), because one card
/// holds several forms (escalate, resolve, reassign …) and Teams merges the inputs it collects into the submitted <c>data</c>; and
/// the reading of that <c>data</c> back into a <see cref="TicketForm"/> (<see cref="Read"/>). Pure translation.
/// </summary>
public static class TeamsForms
{
    /// <summary>The <c>data</c> member carrying the ticket number.</summary>
    public const string TicketDataKey = "ticket";

    /// <summary>The input id of <paramref name="field"/> in <paramref name="action"/>'s form.</summary>
    public static string InputId(string action, string field) => $"{action}.{field}";

    /// <summary>
    /// The form a card action submitted: the action for <paramref name="verb"/>, and its fields from <paramref name="data"/>: inputs named
    /// <c>{action}.{field}</c>, or a plain <c>{field}</c> name (a hand-written <c>Action.Submit</c>) when the scoped one is absent; other
    /// forms' inputs are ignored. Null when there is no verb.
    /// </summary>
    public static TicketForm? Read(string? verb, JsonElement data)
    {
        if (TeamsVerbs.ToAction(verb) is not { } action) return null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object) return new TicketForm(action, fields);
        var prefix = action + ".";
        foreach (var property in data.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) continue;
            var value = property.Value.GetString()!.Trim();
            if (property.Name.StartsWith(prefix, StringComparison.Ordinal)) fields[property.Name[prefix.Length..]] = value;
            else if (!property.Name.Contains('.', StringComparison.Ordinal) && property.Name != TicketDataKey) fields.TryAdd(property.Name, value);
        }

        foreach (var empty in fields.Where(f => f.Value.Length == 0).Select(f => f.Key).ToList()) fields.Remove(empty);
        return new TicketForm(action, fields);
    }

    /// <summary>The ticket number in <c>data.ticket</c> (number or string such as <c>INC-42</c>), or null.</summary>
    public static long? TicketNumber(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(TicketDataKey, out var t)) return null;
        if (t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var n)) return n;
        return t.ValueKind == JsonValueKind.String && TicketKey.TryParse(t.GetString(), out var parsed) ? parsed : null;
    }
}
