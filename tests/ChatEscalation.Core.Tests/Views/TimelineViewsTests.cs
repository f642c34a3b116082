using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tests.Engine.Support;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Core.Tests.Views;

/// <summary>The what-if timeline for people: names instead of ids, a topic per line, and the summary shown first.</summary>
public class TimelineViewsTests
{
    private static readonly DateTimeOffset SaturdayTwoAm = At.Utc(2026, 1, 10, 2);

    private static IReadOnlyList<TimelineLine> VipP1SaturdayNight() =>
        TimelineViews.Lines(DryRun.Simulate(new RaiseTicket(People.Victor, "local", "Laptop will not boot", Impact: Impact.High, Urgency: Urgency.High),
            SaturdayTwoAm, TestPolicy.Default()), TestPolicy.Default());

    [Fact]
    public void Lines_VipP1SaturdayNight_AudiencesByNameNeverById()
    {
        var lines = VipP1SaturdayNight();

        lines.Where(l => l.Entry.To is not null).ShouldAllBe(l => l.Who != null && !l.Who.Contains('@') && !l.Who.StartsWith("dm:"));
        lines.Select(l => l.Who).ShouldContain("Managers' channel");
        lines.Select(l => l.Who).ShouldContain("On-call channel");
        lines.Select(l => l.Who).ShouldContain("Victor (CFO, VIP)");
        lines.ShouldAllBe(l => !l.Late);
    }

    [Fact]
    public void Lines_Topics_PagesWarningsEscalationsAndMessagesApart()
    {
        var lines = VipP1SaturdayNight();

        lines.First(l => l.Entry.Event == Events.EventKind.Raised).Topic.ShouldBe(TimelineTopic.Escalation);
        lines.First(l => l.Entry.Event == Events.EventKind.Paged).Topic.ShouldBe(TimelineTopic.Page);
        lines.First(l => l.Entry.Event == Events.EventKind.SlaBreached).Topic.ShouldBe(TimelineTopic.Warning);
        lines.First(l => l.Who == "Victor (CFO, VIP)").Topic.ShouldBe(TimelineTopic.Message);
        lines.Where(l => l.Entry.Actions?.Contains(Notifications.TicketActions.AckPage) == true).ShouldAllBe(l => l.Topic == TimelineTopic.Page);
    }

    [Fact]
    public void Summarize_VipP1SaturdayNight_FirstPageFirstBreachAndWhoIsWoken()
    {
        var summary = TimelineViews.Summarize(VipP1SaturdayNight());

        summary.FirstPageAt.ShouldBe(SaturdayTwoAm);
        summary.FirstBreachAt.ShouldBe(SaturdayTwoAm + TimeSpan.FromHours(4));
        summary.Late.ShouldBe(0);
        summary.Escalations.ShouldBe(2);
        summary.FinalTier.ShouldBe(3);
        // Tier 1's only layer first (three pages), then the managers; then each tier's primary and secondary, three pages each.
        summary.Woken[0].ShouldBe(new WokenPerson("Alice (Tier 1)", 3, SaturdayTwoAm));
        summary.Woken.Single(w => w.Name == "Managers' channel").FirstAt.ShouldBe(SaturdayTwoAm + TimeSpan.FromMinutes(30));
        summary.Woken.Where(w => w.Name != "Managers' channel").ShouldAllBe(w => w.Pages == 3);
        summary.Pages.ShouldBe(summary.Woken.Sum(w => w.Pages));
    }
}
