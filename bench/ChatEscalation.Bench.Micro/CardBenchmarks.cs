using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bench.Micro;

/// <summary>
/// A Teams ticket card as an Accept's answer renders it (the card refreshed for the clicker): built, then checked against the 28 KB
/// limit (<see cref="AdaptiveCardRenderer.MaxCardBytes"/>). The size check serializes the card once; compare commits by time and
/// allocations.
/// </summary>
[MemoryDiagnoser]
public class CardBenchmarks
{
    private static readonly TicketCardView Accepted = new(
        "INC-000042", 42, "VPN drops every 10 minutes", "Since this morning the VPN disconnects every ten minutes; Zoom calls drop with it.",
        "Network", Priority.P2, "P2: medium impact, high urgency", 1, "Service Desk", new UserRef("rita@example.com", "Rita Reporter"),
        new UserRef("tom@example.com", "Tom Tech"), TicketStatus.Accepted, "In progress with Tom Tech", null, false, false,
        new DateTimeOffset(2031, 3, 4, 14, 30, 0, TimeSpan.Zero), SlaState.OnTrack, "4h left", null, null, null, null,
        [TicketActions.Escalate, TicketActions.Resolve, TicketActions.EscalateManager], 2);

    [Benchmark]
    public JsonObject TicketCard() => AdaptiveCardRenderer.TicketCard(Accepted, Accepted.Actions, TeamsCardOptions.Plain);
}
