using System.Globalization;
using System.Text.Json.Nodes;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Slack;

/// <summary>Turns the channel-neutral ticket view into Block Kit (pure; no I/O).</summary>
/// <remarks>
/// A card is: header (key + title), fields (priority, tier, owner, status, SLA due as <c>&lt;!date^unix^{date_short_pretty} {time}|fallback&gt;</c>),
/// routing reason and reporter, latest handoff note, resolution, and a row of buttons whose <c>action_id</c> is the
/// <see cref="TicketActions"/> id and whose <c>value</c> is the ticket number. Limits are respected by cutting, never by failing:
/// 50 blocks, 3000 chars per section text, 150 per header, 2000 per field and button value, 75 per button text, 255 per action_id;
/// a cut text ends with a link to the ticket page when a base URL is known. All user text is mrkdwn-escaped, the fallback text too
/// (Slack formats it and notifies from it), so it can never form a mention; the only mentions are those of <see cref="SlackMentions"/>:
/// on a card the owner in the Owner field and everybody else addressed under the header ("For …"), on a message a "For …" line.
/// </remarks>
public static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxHeaderText = 150;
    public const int MaxFieldText = 2000;
    public const int MaxButtonText = 75;
    public const int MaxButtonValue = 2000;
    public const int MaxActionId = 255;
    public const int MaxActionsPerBlock = 25;

    /// <summary>The ticket card's blocks (no ticket link). The emulator calls this one.</summary>
    public static JsonArray TicketCard(TicketCardView view) => TicketCard(view, view.Actions, null);

    /// <summary>
    /// The ticket card's blocks with <paramref name="actions"/> as buttons; <paramref name="publicBaseUrl"/> makes cut texts link to the
    /// ticket page; <paramref name="mentions"/> are the people (and group) the card addresses.
    /// </summary>
    public static JsonArray TicketCard(TicketCardView view, IReadOnlyList<string> actions, string? publicBaseUrl, SlackMentions? mentions = null)
    {
        mentions ??= SlackMentions.None;
        var more = MoreLink(view.Number, publicBaseUrl);
        var owner = mentions.TokenFor(view.Owner) is { } token ? FieldRaw("Owner", token) : Field("Owner", view.Owner?.Name ?? "nobody yet", more);
        var blocks = new JsonArray
        {
            Header($"{view.Key} · {view.Title}"),
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(
                    Field("Priority", $"{view.Priority}{(view.IsVip ? " · VIP" : "")}{(view.IsCriticalService ? " · critical service" : "")}", more),
                    Field("Tier", view.TierName, more),
                    owner,
                    Field("Status", view.StatusText, more),
                    FieldRaw("SLA due", SlaDue(view)),
                    Field("Category", view.Category + (view.AffectedService is { Length: > 0 } s ? $" · {s}" : ""), more)),
            },
            Context($"Reported by {SlackText.Escape(view.Reporter.Name)} · {SlackText.Escape(view.RoutingReason)}"),
        };
        if (mentions.Line(except: view.Owner) is { Length: > 0 } addressed) blocks.Insert(1, Context("For " + addressed));
        if (!string.IsNullOrWhiteSpace(view.Description)) blocks.Add(Section(SlackText.Escape(view.Description), more));
        if (view.PagingText is { } paging) blocks.Add(Context(":rotating_light: " + SlackText.Escape(paging)));
        if (IncidentText.Line(view) is { } incident) blocks.Add(Context((view.MajorIncidentText is null ? ":link: " : ":rotating_light: ") + SlackText.Escape(incident)));
        if (view.Suggestions.Count > 0) blocks.Add(Suggestions(view, publicBaseUrl));
        if (view.LastHandoff is { } h)
            blocks.Add(Section($"*Handoff*\n*Tried:* {SlackText.Escape(h.Tried)}\n*Outcome:* {SlackText.Escape(h.Outcome)}\n*Needs:* {SlackText.Escape(h.Needs)}", more));
        if (view.Resolution is { Length: > 0 } fix) blocks.Add(Section($"*Resolution*\n{SlackText.Escape(fix)}", more));
        if (view.Vendor is { } vendor) blocks.Add(Context(SlackText.Escape($"Vendor: {vendor.Vendor} case {vendor.ExternalCaseId}")));
        AddButtons(blocks, view.Number, actions);
        return Capped(blocks);
    }

    /// <summary>The fallback/notification text sent beside a card's blocks (escaped), ending with whom it addresses.</summary>
    public static string FallbackText(TicketCardView view, SlackMentions? mentions = null) =>
        Notifying($"{view.Key} {view.Title} — {view.StatusText}", mentions);

    /// <summary>The fallback/notification text of a message (escaped), ending with whom it addresses.</summary>
    public static string Notifying(string text, SlackMentions? mentions = null)
    {
        var line = mentions?.Line() ?? "";
        return SlackText.Cut(SlackText.Escape(text), line.Length == 0 ? 3000 : 2990 - line.Length) + (line.Length == 0 ? "" : " · " + line);
    }

    /// <summary>A message about a ticket (thread reply, DM, alert): the text, whom it is for, and the buttons when there are any.</summary>
    public static JsonArray Message(string text, long? ticket, IReadOnlyList<string> actions, bool urgent, string? publicBaseUrl = null, SlackMentions? mentions = null)
    {
        var blocks = new JsonArray { Section((urgent ? ":rotating_light: " : "") + SlackText.Escape(text), ticket is { } n ? MoreLink(n, publicBaseUrl) : null) };
        if (mentions?.Line() is { Length: > 0 } addressed) blocks.Add(Context("For " + addressed));
        if (ticket is { } number) AddButtons(blocks, number, actions);
        return blocks;
    }

    /// <summary>A bot reply to a person: the text, and the ticket's card (without buttons) when there is one.</summary>
    public static JsonArray Reply(string text, TicketCardView? card) => Answer(text, card is null ? null : card with { Actions = [] });

    /// <summary>
    /// A bot answer with the ticket's card showing <paramref name="card"/>'s own buttons: the reporter's copy
    /// (<see cref="TicketCopies.Reporter"/>), kept up to date in place.
    /// </summary>
    public static JsonArray Answer(string text, TicketCardView? card)
    {
        var blocks = new JsonArray { Section(SlackText.Escape(text), null) };
        if (card is not null) foreach (var b in TicketCard(card, card.Actions, null)) blocks.Add(b!.DeepClone());
        return Capped(blocks);
    }

    /// <summary>A DM reply offering to raise <paramref name="title"/>: a button (action_id <c>raise</c>) that opens the raise modal prefilled.</summary>
    public static JsonArray SuggestRaise(string text, string title) => new()
    {
        Section(SlackText.Escape(text), null),
        new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray(Button(TicketActions.Raise, TicketActions.Label(TicketActions.Raise) + "…", SlackText.Cut(title, MaxButtonValue), "primary")),
        },
    };

    /// <summary>The button label of an action id; "…" when the button opens a form.</summary>
    public static string Label(string action) => TicketActions.Label(action) + (TicketForms.HasForm(action) ? "…" : "");

    /// <summary>Slack's localised date token for an instant, with a UTC fallback for clients that cannot render it.</summary>
    public static string DateToken(DateTimeOffset at) =>
        $"<!date^{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}^{{date_short_pretty}} {{time}}|{at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}>";

    private static string SlaDue(TicketCardView view) => view.SlaDueAt is { } due
        ? SlackText.Cut($"{DateToken(due)} · {SlackText.Escape(view.SlaText)}", MaxFieldText - 20)
        : SlackText.Cut(SlackText.Escape(view.SlaText), MaxFieldText - 20);

    private static void AddButtons(JsonArray blocks, long number, IReadOnlyList<string> actions)
    {
        if (actions.Count == 0) return;
        var value = number.ToString(CultureInfo.InvariantCulture);
        var elements = new JsonArray();
        foreach (var a in actions.Distinct().Take(MaxActionsPerBlock))
        {
            var style = TicketActions.IsPrimary(a) ? "primary" : null;
            elements.Add(Button(a, Label(a), value, style));
        }
        blocks.Add(new JsonObject { ["type"] = "actions", ["block_id"] = $"ticket-{value}", ["elements"] = elements });
    }

    internal static JsonObject Button(string actionId, string text, string value, string? style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = SlackText.Cut(actionId, MaxActionId, ""),
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = SlackText.Cut(text, MaxButtonText), ["emoji"] = true },
            ["value"] = SlackText.Cut(value, MaxButtonValue),
        };
        if (style is not null) button["style"] = style;
        return button;
    }

    internal static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = SlackText.Cut(text, MaxHeaderText), ["emoji"] = false },
    };

    internal static JsonObject Section(string mrkdwn, string? more) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(SlackText.Cut(mrkdwn.Length == 0 ? " " : mrkdwn, MaxSectionText, more)),
    };

    private static JsonObject Field(string label, string value, string? more) => FieldRaw(label, SlackText.Cut(SlackText.Escape(value), MaxFieldText - label.Length - 4, more));

    private static JsonObject FieldRaw(string label, string mrkdwnValue) => Mrkdwn($"*{label}*\n{mrkdwnValue}");

    internal static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(SlackText.Cut(mrkdwn, MaxSectionText))),
    };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    /// <summary>The card's suggestions, each title linking to its source ticket's page when the public address is known.</summary>
    private static JsonObject Suggestions(TicketCardView view, string? publicBaseUrl)
    {
        var lines = view.Suggestions.Select(s =>
        {
            var title = SlackText.Escape(s.Title);
            var linked = string.IsNullOrWhiteSpace(publicBaseUrl) ? $"*{title}*" : $"<{publicBaseUrl.TrimEnd('/')}/tickets/{s.SourceTicket.ToString(CultureInfo.InvariantCulture)}|{title}>";
            return "• " + linked + SlackText.Escape(IncidentText.AfterTitle(s));
        });
        return Section($"*{IncidentText.SuggestionsHeading}*\n{string.Join("\n", lines)}", null);
    }

    private static string? MoreLink(long number, string? publicBaseUrl) =>
        string.IsNullOrWhiteSpace(publicBaseUrl) ? null : $"… <{publicBaseUrl.TrimEnd('/')}/tickets/{number.ToString(CultureInfo.InvariantCulture)}|full text>";

    private static JsonArray Capped(JsonArray blocks)
    {
        if (blocks.Count <= MaxBlocks) return blocks;
        var actions = blocks[^1] is JsonObject { } last && last["type"]?.GetValue<string>() == "actions" ? last : null;
        var keep = MaxBlocks - (actions is null ? 0 : 1);
        var capped = new JsonArray();
        for (var i = 0; i < keep; i++) capped.Add(blocks[i]!.DeepClone());
        if (actions is not null) capped.Add(actions.DeepClone());
        return capped;
    }
}
