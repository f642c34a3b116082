using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Persistence.Outbox;
using static ChatEscalation.Persistence.Tests.TestPolicy;

namespace ChatEscalation.Persistence.Tests;

/// <summary>
/// Which platforms the outbox writes a notification for: the enabled ones only (a row for a platform that is off can only be
/// claimed and skipped), and the platforms that could carry it when none that is enabled can (skipped visibly, so an unreached page
/// is still reported).
/// </summary>
public sealed class OutboxPlatformsTests
{
    private static readonly Decision Accepted = AcceptedDecision();

    private static Decision AcceptedDecision()
    {
        var raised = EscalationEngine.Raise(new RaiseTicket(Uma, "slack", "VPN drops every 10 minutes"), 7, Policy, T0).Decision!;
        return EscalationEngine.Decide(raised.Ticket, new AcceptTicket(Alice), Policy, T0.AddMinutes(5)).Decision!;
    }

    private static IReadOnlyList<(string Audience, string Platform)> Rows(string[] enabled, params Notification[] notifications) =>
        new OutboxWriter(enabled).Write(Accepted with { Notifications = notifications }, Policy, T0)
            .Select(r => (r.Audience, r.Platform)).ToList();

    [Fact]
    public void Write_EmulatorOff_NoRowForItAnywhere()
    {
        var rows = Rows([Platforms.Slack, Platforms.Teams],
            Notification.Card(Audience.Queue(1)), Notification.Direct(Audience.To(Alice), "You own T-7"), Notification.Alert(Audience.Managers, "Breach near", urgent: true));

        rows.ShouldNotContain(r => r.Platform == Platforms.Local);
        rows.Where(r => r.Audience == Audience.Queue(1).ToString()).Select(r => r.Platform).ShouldBe([Platforms.Slack, Platforms.Teams], ignoreOrder: true);
        rows.Where(r => r.Audience == Audience.To(Alice).ToString()).Select(r => r.Platform).ShouldBe([Platforms.Slack, Platforms.Teams], ignoreOrder: true);
        rows.Where(r => r.Audience == Audience.Managers.ToString()).Select(r => r.Platform).ShouldBe([Platforms.Slack]); // Teams has no manager channel
        rows.Where(r => r.Audience == "copies").Select(r => r.Platform).ShouldBe([Platforms.Slack, Platforms.Teams], ignoreOrder: true);
    }

    [Fact]
    public void Write_OnlySlack_ChannelSetForTeamsToo_OnlySlacksRow()
    {
        var rows = Rows([Platforms.Slack], Notification.Card(Audience.Queue(1)));

        rows.Where(r => r.Audience == Audience.Queue(1).ToString()).Select(r => r.Platform).ShouldBe([Platforms.Slack]);
    }

    [Fact]
    public void Write_ChannelOnlyOnAPlatformThatIsOff_WrittenThereToBeSkipped()
    {
        var rows = Rows([Platforms.Slack], Notification.Card(Audience.Queue(3)), Notification.Alert(Audience.OnCall, "Page", urgent: true));

        rows.Where(r => r.Audience == Audience.Queue(3).ToString()).Select(r => r.Platform).ShouldBe([Platforms.Local]); // Tier 3 is set for the emulator only
        rows.Where(r => r.Audience == Audience.OnCall.ToString()).Select(r => r.Platform).ShouldBe([Platforms.Local]);
    }

    [Fact]
    public void Write_NoPlatformEnabled_APersonStillGetsTheEmulatorsRow_AndNoCopies()
    {
        var rows = Rows([], Notification.Direct(Audience.To(Alice), "Please acknowledge", TicketActions.AckPage));

        rows.ShouldBe([(Audience.To(Alice).ToString(), Platforms.Local)]);
    }

    [Fact]
    public void Write_EmulatorOn_ItsRowsAsBefore()
    {
        var rows = Rows([Platforms.Slack, Platforms.Teams, Platforms.Local], Notification.Card(Audience.Queue(1)), Notification.Direct(Audience.To(Alice), "You own T-7"));

        rows.Where(r => r.Audience == Audience.Queue(1).ToString()).Select(r => r.Platform).ShouldBe([Platforms.Slack, Platforms.Teams, Platforms.Local], ignoreOrder: true);
        rows.Where(r => r.Audience == Audience.To(Alice).ToString()).Select(r => r.Platform).ShouldBe([Platforms.Slack, Platforms.Teams, Platforms.Local], ignoreOrder: true);
        rows.Where(r => r.Audience == "copies").Select(r => r.Platform).ShouldBe([Platforms.Slack, Platforms.Teams, Platforms.Local], ignoreOrder: true);
    }
}
