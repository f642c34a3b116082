using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>
/// Turns the channel-neutral ticket view into Adaptive Card <b>1.5</b> JSON for Teams (Teams does not render 1.6).
/// Pure: no I/O, no clock; the same inputs give the same card.
/// </summary>
/// <remarks>
/// Buttons are <c>Action.Execute</c> (Universal Actions) whose <c>data</c> carries only <c>{"ticket": number}</c>; Teams merges
/// the inputs of the surrounding card into it, each named <c>{action}.{field}</c> (<see cref="TeamsForms"/>). A button whose action
/// has a form (<see cref="TicketForms.HasForm"/>) opens it as an <c>Action.ShowCard</c> first, drawn from the engine's definition in
/// <see cref="TeamsCardOptions.Forms"/>; without that definition the button is left out. The SLA due time is written with the Adaptive Card
/// <c>{{DATE(…)}} {{TIME(…)}}</c> functions in a TextBlock, so each client shows it in the viewer's own time zone.
/// Every card is kept under <see cref="MaxCardBytes"/> (UTF-8) by cutting long texts and linking to the ticket page.
/// </remarks>
public static class AdaptiveCardRenderer
{
    /// <summary>Largest serialized card, in UTF-8 bytes (the webhook limit, kept as our design limit).</summary>
    public const int MaxCardBytes = 28 * 1024;

    /// <summary>Teams honours at most 60 ids in <c>refresh.userIds</c>.</summary>
    public const int MaxRefreshUserIds = 60;

    /// <summary>Most choices a form's drop-down lists (the chat verb <c>reassign INC-42 to someone@example.com</c> reaches anybody).</summary>
    public const int MaxChoices = 100;

    /// <summary>
    /// The ticket card showing <paramref name="actions"/> (action ids from <see cref="TicketActions"/>; use
    /// <c>view.Actions</c> for the shared channel card, <c>TicketViews.ActionsFor</c> for one viewer's refresh).
    /// </summary>
    public static JsonObject TicketCard(TicketCardView view, IReadOnlyList<string> actions, TeamsCardOptions options)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        return Fit(scale => BuildTicket(view, actions, options, scale));
    }

    /// <summary>
    /// A short message about a ticket (a thread update, a direct message, a manager or on-call alert) with its buttons.
    /// </summary>
    public static JsonObject MessageCard(string text, TicketCardView view, IReadOnlyList<string> actions, TeamsCardOptions options)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        return Fit(scale => BuildMessage(text, view, actions, options, scale));
    }

    /// <summary>The "raise a ticket" form (<see cref="TicketForms.Raise"/>, prefilled as the engine guessed), sent with the raise verb.</summary>
    public static JsonObject RaiseCard(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Fit(scale => BuildRaise(form, scale));
    }

    /// <summary>The serialized size of a card in UTF-8 bytes (as <c>card.ToJsonString()</c> writes it, without making the string).</summary>
    public static int SizeInBytes(JsonNode card)
    {
        var buffer = sizing ??= new ArrayBufferWriter<byte>(MaxCardBytes);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer)) card.WriteTo(writer);
        return buffer.WrittenCount;
    }

    /// <summary>Each thread's buffer for <see cref="SizeInBytes"/>, reused: as large as the largest card it measured.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? sizing;

    private static JsonObject Fit(Func<double, JsonObject> build)
    {
        for (var scale = 1.0; ; scale /= 2)
        {
            var card = build(scale);
            if (SizeInBytes(card) <= MaxCardBytes || scale < 0.01) return card;
        }
    }

    private static int Cap(int chars, double scale) => Math.Max(40, (int)(chars * scale));

    private static JsonObject BuildTicket(TicketCardView v, IReadOnlyList<string> actions, TeamsCardOptions o, double scale)
    {
        var url = o.TicketUrl(v.Number);
        var mentions = new MentionCollector(o);
        var body = new JsonArray();
        AddHeader(body, v, o, scale);
        body.Add(CardJson.Text(CardText.Limit(v.Description, Cap(1500, scale), url).Text));
        body.Add(CardJson.Facts(
        [
            ("Priority", v.Priority.ToString()),
            ("Tier", CardText.Safe($"{v.Tier} · {v.TierName}")),
            ("Owner", v.Owner is null ? "Nobody yet" : CardText.Safe(v.Owner.Name)),
            ("Status", CardText.Safe(v.StatusText)),
            ("SLA", CardText.Safe(v.SlaText)),
            .. v.AffectedService is { } s ? new[] { ("Service", CardText.Safe(s)) } : [],
            .. v.Vendor is { } vc ? new[] { ("Vendor", CardText.Safe($"{vc.Vendor}, case {vc.ExternalCaseId}")) } : [],
        ]));
        if (v.SlaDueAt is { } due) body.Add(CardJson.Text($"SLA due {DateFunctions(due)}", color: SlaColor(v.SlaState), subtle: SlaColor(v.SlaState) is null));
        AddPeople(body, v, mentions);
        if (v.PagingText is { } paging) body.Add(CardJson.Text(CardText.Safe(paging), weight: "Bolder", color: "attention"));
        if (IncidentText.Line(v) is { } incident) body.Add(CardJson.Text(CardText.Safe(incident), weight: "Bolder", color: v.MajorIncidentText is null ? null : "attention"));
        if (v.Suggestions.Count > 0) body.Add(CardJson.Text(Suggestions(v, o, scale)));
        body.Add(CardJson.Text("Routing: " + CardText.Limit(v.RoutingReason, Cap(300, scale), url).Text, subtle: true));
        if (v.LastHandoff is { } note) AddHandoff(body, note, url, scale);
        if (v.Resolution is { } resolution)
        {
            body.Add(CardJson.Text("**Resolution:** " + CardText.Limit(resolution, Cap(1200, scale), url).Text));
        }

        var card = CardJson.Card(body, Actions(v.Number, actions, url, o.Forms));
        mentions.WriteTo(card);
        if (o.RefreshUserIds is { } ids)
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = TeamsVerbs.Refresh, ["data"] = TicketData(v.Number) },
                ["userIds"] = new JsonArray(ids.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().Take(MaxRefreshUserIds).Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
            };
        }

        return card;
    }

    /// <summary>The card's suggestions as a Markdown list, each title linking to its source ticket's page when the public address is known.</summary>
    private static string Suggestions(TicketCardView v, TeamsCardOptions o, double scale)
    {
        var lines = v.Suggestions.Select(s =>
        {
            var title = CardText.Safe(s.Title);
            var linked = o.TicketUrl(s.SourceTicket) is { } link ? $"[{title}]({link})" : $"**{title}**";
            return "- " + linked + CardText.Limit(IncidentText.AfterTitle(s), Cap(300, scale), null).Text;
        });
        return $"**{IncidentText.SuggestionsHeading}**\n\n{string.Join("\n", lines)}";
    }

    private static JsonObject BuildMessage(string text, TicketCardView v, IReadOnlyList<string> actions, TeamsCardOptions o, double scale)
    {
        var url = o.TicketUrl(v.Number);
        var mentions = new MentionCollector(o);
        var body = new JsonArray { CardJson.Text(CardText.Limit($"{v.Key} · {v.Title}", Cap(200, scale), null).Text, weight: "Bolder") };
        body.Add(CardJson.Text(CardText.Limit(text, Cap(2000, scale), url).Text));
        body.Add(CardJson.Facts(
        [
            ("Priority", v.Priority.ToString()),
            ("Status", CardText.Safe(v.StatusText)),
            ("SLA", CardText.Safe(v.SlaText)),
        ]));
        if (o.Mentioned is { Count: > 0 } people) body.Add(CardJson.Text("For " + string.Join(", ", people.Select(mentions.Name))));
        var card = CardJson.Card(body, Actions(v.Number, actions, url, o.Forms));
        mentions.WriteTo(card);
        return card;
    }

    private static JsonObject BuildRaise(FormDefinition form, double scale)
    {
        var body = new JsonArray
        {
            CardJson.Text(form.Title, style: "heading"),
            CardJson.Text("Check what I guessed from your message, then raise it.", subtle: true),
        };
        foreach (var field in form.Fields)
        {
            var max = field.Name == FieldNames.Description ? Math.Max(200, Cap(field.MaxLength, scale)) : (int?)null;
            body.Add(CardJson.Input(field, TeamsForms.InputId(form.Action, field.Name), max));
        }

        return CardJson.Card(body, [CardJson.Execute(form.Submit, TeamsVerbs.ToVerb(form.Action), new JsonObject(), style: "positive")]);
    }

    private static void AddHeader(JsonArray body, TicketCardView v, TeamsCardOptions o, double scale)
    {
        body.Add(CardJson.Text(CardText.Limit($"{v.Key} · {v.Title}", Cap(200, scale), o.TicketUrl(v.Number)).Text, style: "heading"));
        var flags = new List<string> { v.Priority.ToString(), CardText.Safe(v.Category) };
        if (v.IsVip) flags.Add("VIP");
        if (v.IsCriticalService) flags.Add("critical service");
        body.Add(CardJson.Text(string.Join(" · ", flags), subtle: true, color: v.Priority == Priority.P1 ? "attention" : null));
    }

    private static void AddPeople(JsonArray body, TicketCardView v, MentionCollector mentions)
    {
        var line = new StringBuilder();
        line.Append(v.Owner is null ? "Nobody owns it yet" : "Owner: " + mentions.Name(v.Owner));
        line.Append(" · Reported by ").Append(CardText.Safe(v.Reporter.Name));
        body.Add(CardJson.Text(line.ToString()));
        var others = mentions.Extra.Where(p => !p.Is(v.Owner)).ToList();
        if (others.Count > 0) body.Add(CardJson.Text("For " + string.Join(", ", others.Select(mentions.Name))));
    }

    private static void AddHandoff(JsonArray body, HandoffNote note, string? url, double scale)
    {
        var part = Cap(800, scale);
        body.Add(new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JsonArray
            {
                CardJson.Text("Latest handoff", weight: "Bolder"),
                CardJson.Text("**Tried:** " + CardText.Limit(note.Tried, part, url).Text),
                CardJson.Text("**Outcome:** " + CardText.Limit(note.Outcome, part, url).Text),
                CardJson.Text("**Needs:** " + CardText.Limit(note.Needs, part, url).Text),
            },
        });
    }

    private static JsonArray Actions(long number, IReadOnlyList<string> actions, string? url, IReadOnlyDictionary<string, FormDefinition>? forms)
    {
        var list = new JsonArray();
        foreach (var id in actions.Distinct())
        {
            var action = TicketForms.HasForm(id) ? FormAction(number, id, forms?.GetValueOrDefault(id)) : Button(number, id);
            if (action is not null) list.Add(action);
        }

        if (url is not null)
        {
            var open = CardJson.OpenUrl("Open ticket", url);
            open["mode"] = "secondary";
            list.Add(open);
        }

        return list;
    }

    private static JsonObject Button(long n, string id) =>
        CardJson.Execute(TicketActions.Label(id), TeamsVerbs.ToVerb(id), TicketData(n), TicketActions.IsPrimary(id) ? "positive" : null);

    /// <summary>A button that opens its form inline; null without the form's definition.</summary>
    private static JsonObject? FormAction(long n, string id, FormDefinition? form)
    {
        if (form is null) return null;
        var inputs = new JsonArray(form.Fields.Select(f => (JsonNode)CardJson.Input(f with { Choices = f.Choices?.Take(MaxChoices).ToList() }, TeamsForms.InputId(id, f.Name))).ToArray());
        var submit = CardJson.Execute(form.Submit, TeamsVerbs.ToVerb(id), TicketData(n), id == TicketActions.Resolve ? "positive" : null);
        return CardJson.ShowCard(TicketActions.Label(id), CardJson.SubCard(inputs, [submit]));
    }

    private static JsonObject TicketData(long number) => new() { [TeamsForms.TicketDataKey] = number };

    private static string DateFunctions(DateTimeOffset due)
    {
        var iso = due.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return $"{{{{DATE({iso}, SHORT)}}}} {{{{TIME({iso})}}}}";
    }

    private static string? SlaColor(SlaState state) => state switch
    {
        SlaState.Breached or SlaState.Missed => "attention",
        SlaState.AtRisk or SlaState.Warning => "warning",
        _ => null,
    };
}
