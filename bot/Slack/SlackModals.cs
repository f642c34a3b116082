using System.Globalization;
using System.Text.Json.Nodes;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Slack;

/// <summary>The modal views (pure): raise, escalate (handoff note), resolve, ask a manager, reopen, reassign.</summary>
/// <remarks>
/// Titles, submit and close labels are at most 24 characters. Each input block's id is a <see cref="SlackBlockIds"/> name, the same name
/// the engine puts in <c>Refusal.Field</c>, so a refusal lands inline on its field. <c>callback_id</c> is the action
/// (<see cref="TicketActions"/>) and <c>private_metadata</c> the ticket number.
/// </remarks>
public static class SlackModals
{
    public const int MaxTitle = 24;

    /// <summary>
    /// The raise form: title, description, category, impact, urgency, affected service; <paramref name="title"/> prefills, and so do the
    /// guessed <paramref name="category"/>, <paramref name="impact"/> and <paramref name="urgency"/> when given (the person confirms them).
    /// </summary>
    public static JsonObject Raise(string? title, string? description, IReadOnlyList<string> categories,
        string? category = null, Impact? impact = null, Urgency? urgency = null) => View(SlackBlockIds.RaiseCallback, "Raise a ticket", "Raise", "",
        Input(SlackBlockIds.Title, "What is wrong?", TextInput(title, multiline: false, max: 150, placeholder: "VPN drops every 10 minutes")),
        Input(SlackBlockIds.Description, "Details", TextInput(description, multiline: true, max: 3000, placeholder: "What happens, since when, who is affected"), optional: true),
        Input(SlackBlockIds.Category, "Category", Select(categories, category is not null && categories.Contains(category) ? category : null), optional: true),
        Input(SlackBlockIds.Impact, "Impact", Select(["High", "Medium", "Low"], impact?.ToString()), optional: true),
        Input(SlackBlockIds.Urgency, "Urgency", Select(["High", "Medium", "Low"], urgency?.ToString()), optional: true),
        Input(SlackBlockIds.Service, "Affected service", TextInput(null, multiline: false, max: 200, placeholder: "e.g. VPN, Payroll"), optional: true));

    /// <summary>The handoff note asked for by the Escalate button: what was tried, what came of it, what the next tier needs.</summary>
    public static JsonObject Escalate(long number) => View(TicketActions.Escalate, $"Escalate {TicketKey.Format(number)}", "Escalate", Metadata(number),
        Input(SlackBlockIds.Tried, "What did you try?", TextInput(null, multiline: true, max: 3000, placeholder: null)),
        Input(SlackBlockIds.Outcome, "What came of it?", TextInput(null, multiline: true, max: 3000, placeholder: null)),
        Input(SlackBlockIds.Needs, "What does the next tier need?", TextInput(null, multiline: true, max: 3000, placeholder: null)));

    /// <summary>The fix, asked for by the Resolve button.</summary>
    public static JsonObject Resolve(long number) => View(TicketActions.Resolve, $"Resolve {TicketKey.Format(number)}", "Resolve", Metadata(number),
        Input(SlackBlockIds.Resolution, "How was it fixed?", TextInput(null, multiline: true, max: 3000, placeholder: null)));

    /// <summary>The reason, asked for by the Ask-a-manager button.</summary>
    public static JsonObject Manager(long number) => View(TicketActions.EscalateManager, "Ask a manager", "Send", Metadata(number),
        Input(SlackBlockIds.Reason, "Why does a manager need to look?", TextInput(null, multiline: true, max: 3000, placeholder: null)));

    /// <summary>The reason, asked for by the Reopen button.</summary>
    public static JsonObject Reopen(long number) => View(TicketActions.Reopen, $"Reopen {TicketKey.Format(number)}", "Reopen", Metadata(number),
        Input(SlackBlockIds.Reason, "Why is it not fixed?", TextInput(null, multiline: true, max: 3000, placeholder: null)));

    /// <summary>
    /// A manager's reassign form: a tier, a person, or both (at most 100 of each: a static select's limit; the chat verb
    /// <c>reassign INC-42 to someone@example.com</c> reaches anybody), and the reason, which is recorded.
    /// </summary>
    public static JsonObject Reassign(long number, ReassignChoices choices) => View(TicketActions.Reassign, $"Reassign {TicketKey.Format(number)}", "Reassign", Metadata(number),
        Input(SlackBlockIds.Tier, "Move to tier", Select(choices.Tiers), optional: true),
        Input(SlackBlockIds.Owner, "Give to a person", Select(choices.People), optional: true),
        Input(SlackBlockIds.Reason, "Why? (recorded on the ticket)", TextInput(null, multiline: true, max: 3000, placeholder: null)));

    /// <summary>The modal for a button that needs one, or null for buttons that act at once.</summary>
    public static JsonObject? For(string action, long number, Func<ReassignChoices> choices) => action switch
    {
        TicketActions.Escalate => Escalate(number),
        TicketActions.Resolve => Resolve(number),
        TicketActions.EscalateManager => Manager(number),
        TicketActions.Reopen => Reopen(number),
        TicketActions.Reassign => Reassign(number, choices()),
        _ => null,
    };

    private static string Metadata(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static JsonObject View(string callbackId, string title, string submit, string metadata, params JsonObject[] blocks) => new()
    {
        ["type"] = "modal",
        ["callback_id"] = callbackId,
        ["private_metadata"] = metadata,
        ["title"] = Plain(SlackText.Cut(title, MaxTitle)),
        ["submit"] = Plain(SlackText.Cut(submit, MaxTitle)),
        ["close"] = Plain("Cancel"),
        ["blocks"] = new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()),
    };

    private static JsonObject Input(string blockId, string label, JsonObject element, bool optional = false) => new()
    {
        ["type"] = "input",
        ["block_id"] = blockId,
        ["optional"] = optional,
        ["label"] = Plain(label),
        ["element"] = element,
    };

    private static JsonObject TextInput(string? initial, bool multiline, int max, string? placeholder)
    {
        var element = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = SlackBlockIds.Value, ["multiline"] = multiline, ["max_length"] = max };
        if (!string.IsNullOrWhiteSpace(initial)) element["initial_value"] = SlackText.Cut(initial, max);
        if (placeholder is not null) element["placeholder"] = Plain(placeholder);
        return element;
    }

    private static JsonObject Select(IReadOnlyList<string> options, string? initial) =>
        Select(options.Select(o => new FormChoice(o, o)).ToList(), initial is null ? null : new FormChoice(initial, initial));

    private static JsonObject Select(IReadOnlyList<FormChoice> options, FormChoice? initial = null)
    {
        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = SlackBlockIds.Value,
            ["options"] = new JsonArray(options.Take(100).Select(o => (JsonNode)Option(o)).ToArray()),
        };
        if (initial is not null) element["initial_option"] = Option(initial);
        return element;
    }

    private static JsonObject Option(FormChoice choice) => new() { ["text"] = Plain(SlackText.Cut(choice.Label, 75)), ["value"] = SlackText.Cut(choice.Value, 150) };

    private static JsonObject Plain(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
