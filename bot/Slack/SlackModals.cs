using System.Globalization;
using System.Text.Json.Nodes;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Slack;

/// <summary>Renders the engine's form definitions (<see cref="TicketForms"/>) as Slack modal views (pure).</summary>
/// <remarks>
/// Each input block's <c>block_id</c> is the field's <see cref="FieldNames"/> name (the engine's <c>Refusal.Field</c>), so a refusal
/// lands inline on its field; every element's <c>action_id</c> is <see cref="ValueActionId"/>. <c>callback_id</c> is the form's action
/// and <c>private_metadata</c> the ticket number (empty for the raise form). Titles, submit and close labels are at most 24 characters;
/// text inputs at most 3,000 characters (Slack's limit), selects at most 100 options.
/// </remarks>
public static class SlackModals
{
    /// <summary>Slack's longest modal title and button label.</summary>
    public const int MaxTitle = 24;

    /// <summary>Slack's longest <c>plain_text_input</c>.</summary>
    public const int MaxInput = 3000;

    /// <summary>Slack's most options in a <c>static_select</c>.</summary>
    public const int MaxOptions = 100;

    /// <summary>The <c>action_id</c> of every input element; view_submission reads <c>view.state.values[field][value]</c>.</summary>
    public const string ValueActionId = "value";

    /// <summary>The modal for <paramref name="form"/> about ticket <paramref name="number"/> (null: the raise form, no ticket).</summary>
    public static JsonObject For(FormDefinition form, long? number)
    {
        ArgumentNullException.ThrowIfNull(form);
        var title = number is { } n ? $"{TicketActions.Label(form.Action)} {TicketKey.Format(n)}" : form.Title;
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = form.Action,
            ["private_metadata"] = number?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["title"] = Plain(SlackText.Cut(title, MaxTitle)),
            ["submit"] = Plain(SlackText.Cut(form.Submit, MaxTitle)),
            ["close"] = Plain("Cancel"),
            ["blocks"] = new JsonArray(form.Fields.Select(f => (JsonNode)Input(f)).ToArray()),
        };
        return view;
    }

    private static JsonObject Input(FormField field) => new()
    {
        ["type"] = "input",
        ["block_id"] = field.Name,
        ["optional"] = !field.Required,
        ["label"] = Plain(SlackText.Cut(field.Label, 2000)),
        ["element"] = field.Kind == FormFieldKind.Choice ? Select(field) : TextInput(field),
    };

    private static JsonObject TextInput(FormField field)
    {
        var max = field.MaxLength is > 0 and < MaxInput ? field.MaxLength : MaxInput;
        var element = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = ValueActionId,
            ["multiline"] = field.Kind == FormFieldKind.Multiline,
            ["max_length"] = max,
        };
        if (!string.IsNullOrWhiteSpace(field.Value)) element["initial_value"] = TextCut.Prefix(field.Value, max);
        if (field.Placeholder is { } placeholder) element["placeholder"] = Plain(SlackText.Cut(placeholder, 150));
        return element;
    }

    private static JsonObject Select(FormField field)
    {
        var options = (field.Choices ?? []).Take(MaxOptions).ToList();
        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = ValueActionId,
            ["options"] = new JsonArray(options.Select(o => (JsonNode)Option(o)).ToArray()),
        };
        if (options.FirstOrDefault(o => o.Value == field.Value) is { } initial) element["initial_option"] = Option(initial);
        return element;
    }

    private static JsonObject Option(FormChoice choice) => new() { ["text"] = Plain(SlackText.Cut(choice.Label, 75)), ["value"] = SlackText.Cut(choice.Value, 150) };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
