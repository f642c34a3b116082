namespace ChatEscalation.Core.Forms;

/// <summary>
/// A button press or a submitted form, read from any channel: the action (<see cref="Notifications.TicketActions"/>) and the
/// fields by <see cref="FieldNames"/> name. Adapters only read their payload into this; <see cref="TicketForms"/> makes the command.
/// </summary>
public sealed record TicketForm(string Action, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>A form with no fields (Accept, Acknowledge, Take over).</summary>
    public static TicketForm Of(string action) => new(action, new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>A form with the given fields; later duplicates win.</summary>
    public static TicketForm Of(string action, params (string Name, string? Value)[] fields)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (value is not null) values[name] = value;
        }

        return new TicketForm(action, values);
    }

    /// <summary>The field's value, trimmed; empty when absent.</summary>
    public string this[string name] => Fields.TryGetValue(name, out var value) ? value.Trim() : "";

    /// <summary>The field's value, trimmed; null when absent or empty.</summary>
    public string? Optional(string name) => this[name] is { Length: > 0 } value ? value : null;
}
