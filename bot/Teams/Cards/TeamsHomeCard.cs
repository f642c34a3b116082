using System.Globalization;
using System.Text.Json.Nodes;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>A person's <see cref="HomeView"/> as one Adaptive Card (the answer to the personal <c>home</c> command); pure.</summary>
/// <remarks>
/// Each ticket is a line (key, title, priority, status, tier, owner, due time in the reader's zone); an unaccepted ticket the reader may
/// take has an Accept button, <c>Action.Execute</c> with the ticket card's verb and <c>data</c> <c>{"ticket": n, "home": true}</c>: the
/// bot answers such an invoke with the refreshed home, so the card is replaced in place. The Refresh button (verb <see cref="RefreshVerb"/>)
/// does the same without acting; with the reader's Teams id the card also carries <c>refresh.userIds</c>, so Teams refreshes it
/// when they look at it. Lists say "and N more" past <see cref="HomeViews.ListLimit"/> (fewer when the card would pass Teams' size
/// limit, <see cref="AdaptiveCardRenderer.MaxCardBytes"/>); text is escaped for the card's Markdown.
/// </remarks>
public static class TeamsHomeCard
{
    /// <summary>The verb of the home card's Refresh button and automatic refresh.</summary>
    public const string RefreshVerb = "homeRefresh";

    /// <summary>The <c>data</c> key that marks an action as coming from the home card.</summary>
    public const string HomeDataKey = "home";

    /// <summary>The card of <paramref name="home"/>; lists are shortened (the rest counted in "and N more") until it fits Teams' size limit.</summary>
    public static JsonObject Render(HomeView home, string? teamsUserId = null)
    {
        ArgumentNullException.ThrowIfNull(home);
        JsonObject card = null!;
        foreach (var limit in new[] { HomeViews.ListLimit, 8, 4, 1 })
        {
            card = Render(home, teamsUserId, limit);
            if (AdaptiveCardRenderer.SizeInBytes(card) <= AdaptiveCardRenderer.MaxCardBytes) break;
        }

        return card;
    }

    private static JsonObject Render(HomeView home, string? teamsUserId, int limit)
    {
        var body = new JsonArray
        {
            CardJson.Text("Your IT desk", weight: "Bolder", size: "Large"),
            CardJson.Text(CardText.Safe($"{home.Person.Name}{(home.Roles.Length > 0 ? $" · {home.Roles}" : "")} · updated {home.UpdatedText} · times in {home.ZoneName}"), subtle: true),
        };
        Tickets(body, "Your open tickets", home.Mine, home.MineMore, "You have no open tickets.", limit);
        foreach (var queue in home.Queues)
            Tickets(body, $"{queue.TierName}: waiting for a technician", queue.Tickets, queue.More, "Nothing is waiting in this queue.", limit);
        body.Add(Heading("Your on-call shifts this week and next"));
        body.Add(home.Shifts.Count == 0
            ? CardJson.Text("No on-call shifts this week or next.", subtle: true)
            : CardJson.Text(string.Join("\n", home.Shifts.Select(s => CardText.Safe($"- {s.Rotation} ({s.Layer}): {s.FromText} → {s.ToText}")))));
        if (home.AtRisk is { } risky) Tickets(body, "At risk and breached", risky, home.AtRiskMore, "No open ticket is at risk or breached.", limit);

        var card = CardJson.Card(body, new JsonArray(CardJson.Execute("Refresh", RefreshVerb, HomeData())));
        if (!string.IsNullOrWhiteSpace(teamsUserId))
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = RefreshVerb, ["data"] = HomeData() },
                ["userIds"] = new JsonArray(JsonValue.Create(teamsUserId)),
            };
        }

        return card;
    }

    private static void Tickets(JsonArray body, string heading, IReadOnlyList<HomeTicket> tickets, int more, string none, int limit)
    {
        body.Add(Heading(heading));
        if (tickets.Count == 0) body.Add(CardJson.Text(none, subtle: true));
        foreach (var t in tickets.Take(limit)) body.Add(Ticket(t));
        more += Math.Max(0, tickets.Count - limit);
        if (more > 0) body.Add(CardJson.Text($"and {more.ToString(CultureInfo.InvariantCulture)} more", subtle: true));
    }

    private static JsonObject Ticket(HomeTicket t)
    {
        var items = new JsonArray
        {
            CardJson.Text(CardText.Safe($"**{t.Key}** {t.Title}")),
            CardJson.Text(CardText.Safe($"{t.Priority} · {t.StatusText} · {t.TierName} · Owner: {t.OwnerName ?? "nobody yet"} · Due {t.DueText}"),
                subtle: t.SlaState is not (SlaState.AtRisk or SlaState.Breached), color: t.SlaState is SlaState.AtRisk or SlaState.Breached ? "attention" : null),
        };
        if (t.CanAccept)
        {
            var data = HomeData();
            data[TeamsForms.TicketDataKey] = t.Number;
            items.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(CardJson.Execute(TicketActions.Label(TicketActions.Accept), TeamsVerbs.ToVerb(TicketActions.Accept), data, "positive")),
            });
        }

        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = items };
    }

    private static JsonObject Heading(string text) => CardJson.Text(CardText.Safe(text), weight: "Bolder", size: "Medium");

    private static JsonObject HomeData() => new() { [HomeDataKey] = true };
}
