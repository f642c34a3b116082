using System.Globalization;
using System.Text.Json.Nodes;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Slack;

/// <summary>A person's <see cref="HomeView"/> as a Slack App Home view (<c>{type: "home", blocks}</c>, for <c>views.publish</c>); pure.</summary>
/// <remarks>
/// One section per ticket (key, title, status, tier, owner, due time in the reader's zone); an unaccepted ticket the reader may take has
/// an Accept button as its accessory, with the queue card's <c>action_id</c> (<see cref="TicketActions.Accept"/>) and value (the ticket
/// number), so the same <c>block_actions</c> handling accepts it. Lists say "and N more" past <see cref="HomeViews.ListLimit"/>; the
/// view never exceeds <see cref="MaxBlocks"/> blocks (a longer one is cut and says so). All user text is mrkdwn-escaped.
/// </remarks>
public static class SlackHomeRenderer
{
    /// <summary>Slack's limit of blocks in a Home tab view.</summary>
    public const int MaxBlocks = 100;

    /// <summary>The <c>callback_id</c> of the home view.</summary>
    public const string CallbackId = "chatescalation_home";

    public static JsonObject Render(HomeView home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var blocks = new List<JsonObject>
        {
            BlockKitRenderer.Header("Your IT desk"),
            BlockKitRenderer.Context(SlackText.Escape($"{home.Person.Name}{(home.Roles.Length > 0 ? $" · {home.Roles}" : "")} · updated {home.UpdatedText} · times in {home.ZoneName}")),
        };
        Tickets(blocks, "Your open tickets", home.Mine, home.MineMore, "You have no open tickets.");
        foreach (var queue in home.Queues)
            Tickets(blocks, $"{queue.TierName}: waiting for a technician", queue.Tickets, queue.More, "Nothing is waiting in this queue.");
        blocks.Add(BlockKitRenderer.Header("Your on-call shifts this week and next"));
        blocks.Add(home.Shifts.Count == 0
            ? BlockKitRenderer.Context("No on-call shifts this week or next.")
            : BlockKitRenderer.Section(string.Join("\n", home.Shifts.Select(s => SlackText.Escape($"• {s.Rotation} ({s.Layer}): {s.FromText} → {s.ToText}"))), null));
        if (home.AtRisk is { } risky) Tickets(blocks, "At risk and breached", risky, home.AtRiskMore, "No open ticket is at risk or breached.");
        return new JsonObject { ["type"] = "home", ["callback_id"] = CallbackId, ["blocks"] = new JsonArray([.. Capped(blocks)]) };
    }

    /// <summary>One ticket: its line and, when the reader may accept it, the Accept button.</summary>
    public static JsonObject Ticket(HomeTicket t)
    {
        var owner = t.OwnerName ?? "nobody yet";
        var section = BlockKitRenderer.Section(
            $"*{SlackText.Escape(t.Key)}* {SlackText.Escape(t.Title)}\n{SlackText.Escape($"{t.Priority} · {t.StatusText} · {t.TierName} · Owner: {owner} · Due {t.DueText}")}", null);
        if (t.CanAccept)
            section["accessory"] = BlockKitRenderer.Button(TicketActions.Accept, TicketActions.Label(TicketActions.Accept), t.Number.ToString(CultureInfo.InvariantCulture), "primary");
        return section;
    }

    private static void Tickets(List<JsonObject> blocks, string heading, IReadOnlyList<HomeTicket> tickets, int more, string none)
    {
        blocks.Add(BlockKitRenderer.Header(heading));
        if (tickets.Count == 0) blocks.Add(BlockKitRenderer.Context(none));
        blocks.AddRange(tickets.Select(Ticket));
        if (more > 0) blocks.Add(BlockKitRenderer.Context($"and {more.ToString(CultureInfo.InvariantCulture)} more"));
    }

    private static IEnumerable<JsonObject> Capped(List<JsonObject> blocks) =>
        blocks.Count <= MaxBlocks
            ? blocks
            : blocks.Take(MaxBlocks - 1).Append(BlockKitRenderer.Context($"and {(blocks.Count - MaxBlocks + 1).ToString(CultureInfo.InvariantCulture)} more lines: the dashboard lists everything"));
}
