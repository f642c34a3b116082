using ChatEscalation.Bot.Dashboard;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;

namespace ChatEscalation.Bot.Tests.Dashboard;

/// <summary>A demo clock that was reset put later events before earlier ones: the dashboard still shows no negative duration.</summary>
public sealed class NoNegativeFiguresTests
{
    private static readonly DateTimeOffset Real = new(2026, 3, 10, 10, 0, 0, TimeSpan.Zero);

    private static TicketEventRow Event(long id, EventKind kind, DateTimeOffset at, int tier, int? from = null) =>
        new() { Id = id, TicketNumber = 1, Kind = kind, At = at, Tier = tier, FromTier = from, ActorKey = "alice@demo.local", ActorName = "Alice (Tier 1)" };

    [Fact]
    public void Compute_EventsWrittenAfterAClockReset_TimeInTierAndPagesNeverNegative()
    {
        // Written in this order: raised on the demo clock 18 h ahead, then the clock went back to real time.
        var ahead = Real + TimeSpan.FromHours(18);
        var events = new List<TicketEventRow>
        {
            Event(1, EventKind.Raised, ahead, 1),
            Event(2, EventKind.Paged, ahead + TimeSpan.FromMinutes(5), 1),
            Event(3, EventKind.PageAcknowledged, Real, 1),
            Event(4, EventKind.Escalated, Real + TimeSpan.FromMinutes(10), 2, 1),
        };
        var raised = EscalationEngine.Raise(new RaiseTicket(LocalFixtures.Policy.Person("uma@demo.local"), "local", "VPN drops"), 1, LocalFixtures.Policy, ahead).Decision!.Ticket;
        var ticket = new TicketRow
        {
            Number = 1, Status = TicketStatus.Queued, Tier = 2, Priority = raised.Priority, Category = raised.Category, RaisedAt = ahead,
            ReporterKey = "uma@demo.local", State = TicketJson.Serialize(raised with { Tier = 2 }),
        };

        var figures = EscalationFiguresCalculator.Compute([ticket], events, [], LocalFixtures.Policy, Real + TimeSpan.FromHours(1),
            new ReportRange(Real - TimeSpan.FromDays(1), Real + TimeSpan.FromDays(1)));

        figures.TimeInTier.ShouldNotBeEmpty();
        figures.TimeInTier.ShouldAllBe(t => t.Total >= TimeSpan.Zero && t.AveragePerTicket >= TimeSpan.Zero);
        figures.TimeInTier.Single(t => t.Tier == 1).Total.ShouldBe(TimeSpan.Zero);
        figures.TimeInTier.Single(t => t.Tier == 2).Total.ShouldBe(TimeSpan.FromMinutes(50));
        figures.Pages.AverageToAcknowledge.ShouldBe(TimeSpan.Zero);
        figures.Pages.AcknowledgedRate.ShouldBe(1.0);
    }
}
