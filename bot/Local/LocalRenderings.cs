using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// The Slack and Teams renderings of a message, side by side, for the emulator page.
/// Ticket cards go through the platforms' own renderers (<c>ChatEscalation.Bot.Slack.BlockKitRenderer</c>,
/// <c>ChatEscalation.Bot.Teams.AdaptiveCardRenderer</c>) so the emulator shows exactly what Slack and Teams get.
/// </summary>
/// <remarks>
/// The platform renderers are found by name when the host starts (a public static method taking a
/// <see cref="TicketCardView"/> and returning a <see cref="JsonNode"/>). While one is missing from the build, the
/// emulator's own minimal rendering is used and marked with <c>"emulatorFallback": true</c> so nobody mistakes it.
/// </remarks>
public sealed class LocalRenderings
{
    private static readonly JsonSerializerOptions ViewJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private readonly Func<TicketCardView, JsonNode>? _blockKit;
    private readonly Func<TicketCardView, JsonNode>? _adaptive;

    private readonly EscalationPolicy _policy;

    public LocalRenderings(EscalationPolicy policy)
        : this(policy, Find("ChatEscalation.Bot.Slack.BlockKitRenderer"), v => AdaptiveCardRenderer.TicketCard(v, v.Actions, Forms(policy, v, v.Actions))) { }

    public LocalRenderings(EscalationPolicy policy, Func<TicketCardView, JsonNode>? blockKit, Func<TicketCardView, JsonNode>? adaptiveCard)
    {
        _policy = policy;
        _blockKit = blockKit;
        _adaptive = adaptiveCard;
    }

    /// <summary>True when the Slack renderer of the build is used (false: the emulator's fallback).</summary>
    public bool HasSlackRenderer => _blockKit is not null;

    /// <summary>True when the Teams renderer of the build is used (false: the emulator's fallback).</summary>
    public bool HasTeamsRenderer => _adaptive is not null;

    /// <summary>The view as the page's JSON (camelCase, enums as names).</summary>
    public static JsonNode View(TicketCardView view) => JsonSerializer.SerializeToNode(view, ViewJson)!;

    /// <summary>Block Kit blocks of a ticket card.</summary>
    public JsonNode CardBlocks(TicketCardView view) => _blockKit?.Invoke(view) ?? FallbackBlocks(view);

    /// <summary>Adaptive Card 1.5 of a ticket card.</summary>
    public JsonNode CardAdaptive(TicketCardView view) => _adaptive?.Invoke(view) ?? FallbackAdaptive(view);

    /// <summary>The bot's answer in a conversation with a ticket's card showing <paramref name="card"/>'s own buttons (the reporter's copy, or none).</summary>
    public LocalMessageDraft Answer(string text, TicketCardView card) =>
        new("bot", "bot", "ChatEscalation", text, card.Number, card.Actions, false, View(card), CardBlocks(card), CardAdaptive(card));

    /// <summary>Block Kit blocks of a text message about a ticket, with its buttons.</summary>
    public static JsonNode MessageBlocks(string text, long? ticket, IReadOnlyList<string> actions, bool urgent)
    {
        var blocks = new JsonArray { Section((urgent ? ":rotating_light: " : "") + Escape(text)) };
        if (ticket is { } n && actions.Count > 0) blocks.Add(Buttons(n, actions));
        return blocks;
    }

    /// <summary>Adaptive Card 1.5 of a text message about a ticket, with its buttons and their forms, by the Teams renderer.</summary>
    public JsonNode MessageAdaptive(string text, TicketCardView view, IReadOnlyList<string> actions) =>
        AdaptiveCardRenderer.MessageCard(text, view, actions, Forms(_policy, view, actions));

    private static TeamsCardOptions Forms(EscalationPolicy policy, TicketCardView view, IReadOnlyList<string> actions) =>
        TeamsCardOptions.Plain with { Forms = TicketForms.ForAll(actions, policy, view.Tier) };

    /// <summary>Adaptive Card 1.5 of a plain bot reply, with no ticket.</summary>
    public static JsonNode MessageAdaptive(string text, long? ticket, IReadOnlyList<string> actions, bool urgent)
    {
        var card = Card(new JsonArray { new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true, ["color"] = urgent ? "Attention" : "Default", ["weight"] = urgent ? "Bolder" : "Default" } });
        if (ticket is { } n && actions.Count > 0) card["actions"] = ExecuteActions(n, actions);
        return card;
    }

    private static JsonNode FallbackBlocks(TicketCardView v)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = $"{v.Key} · {v.Title}" } },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(
                    Mrkdwn($"*Priority*\n{v.Priority}"), Mrkdwn($"*Tier*\n{Escape(v.TierName)}"),
                    Mrkdwn($"*Status*\n{Escape(v.StatusText)}"), Mrkdwn($"*SLA*\n{Escape(v.SlaText)}")),
            },
            new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn($"Reported by {Escape(v.Reporter.Name)} · {Escape(v.RoutingReason)}")) },
        };
        if (v.LastHandoff is { } h) blocks.Add(Section($"*Handoff* · Tried: {Escape(h.Tried)} · Outcome: {Escape(h.Outcome)} · Needs: {Escape(h.Needs)}"));
        if (v.Actions.Count > 0) blocks.Add(Buttons(v.Number, v.Actions));
        return Marked(blocks);
    }

    private static JsonNode FallbackAdaptive(TicketCardView v)
    {
        var card = Card(new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = $"{v.Key} · {v.Title}", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(Fact("Priority", v.Priority.ToString()), Fact("Tier", v.TierName), Fact("Status", v.StatusText),
                    Fact("Owner", v.Owner?.Name ?? "nobody yet"), Fact("SLA", v.SlaText)),
            },
        });
        if (v.LastHandoff is { } h) ((JsonArray)card["body"]!).Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"Handoff: {h}", ["wrap"] = true, ["isSubtle"] = true });
        if (v.Actions.Count > 0) card["actions"] = ExecuteActions(v.Number, v.Actions);
        card["emulatorFallback"] = true;
        return card;
    }

    private static JsonArray Marked(JsonArray blocks)
    {
        blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Mrkdwn("_emulator fallback rendering: the Slack renderer is not in this build_")) });
        return blocks;
    }

    private static JsonObject Card(JsonArray body) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = body,
    };

    private static JsonArray ExecuteActions(long ticket, IReadOnlyList<string> actions) =>
        new(actions.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = "Action.Execute", ["title"] = TicketActions.Label(a), ["verb"] = a,
            ["data"] = new JsonObject { ["ticket"] = ticket, ["action"] = a },
        }).ToArray());

    private static JsonObject Buttons(long ticket, IReadOnlyList<string> actions) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray(actions.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = "button", ["action_id"] = a, ["value"] = ticket.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = TicketActions.Label(a) },
        }).ToArray()),
    };

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    /// <summary>Slack's three escapes for mrkdwn text.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static Func<TicketCardView, JsonNode>? Find(string typeName)
    {
        var type = typeof(LocalRenderings).Assembly.GetType(typeName);
        var method = type?.GetMethods(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(m =>
            m.GetParameters() is [{ ParameterType: var p }] && p == typeof(TicketCardView) && typeof(JsonNode).IsAssignableFrom(m.ReturnType));
        if (method is null) return null;
        return view => (JsonNode)method.Invoke(null, [view])!;
    }
}
