using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tests.Engine.Support;

namespace ChatEscalation.Core.Tests.Engine;

public class RaiseFromMessageTests
{
    [Fact]
    public void Raise_ByAnotherPersonFromAMessage_ReporterIsTheAuthorClickerRecordedLinkKept()
    {
        var command = new RaiseTicket(People.Uma, "slack", "Is the VPN down for anyone else?", "Is the VPN down for anyone else?",
            RaisedBy: People.Alice, SourceLink: "https://desk.slack.com/archives/C0GENERAL/p1773136800000100");

        var d = EscalationEngine.Raise(command, 42, TestPolicy.Default(), At.MondayNine).Decision!;

        d.Ticket.Reporter.ShouldBe(People.Uma);
        d.Ticket.Description.ShouldEndWith("From the message: https://desk.slack.com/archives/C0GENERAL/p1773136800000100");
        var raised = d.Events.Single(e => e.Kind == EventKind.Raised);
        raised.Actor.Key.ShouldBe(People.Alice.Key);
        raised.Text.ShouldStartWith("Raised by Alice (Tier 1) for Uma");
        d.DirectTo(People.Uma).Text.ShouldContain("raised for you by Alice");
        d.Reply.ShouldEndWith($"{People.Uma.Name} will get a message at every handoff."); // the reply goes to Alice, who clicked
    }

    [Fact]
    public void Raise_ByTheAuthorThemselves_NoSecondMessageToThem()
    {
        var d = EscalationEngine.Raise(new RaiseTicket(People.Uma, "slack", "VPN drops", RaisedBy: People.Uma), 42, TestPolicy.Default(), At.MondayNine).Decision!;

        d.Events.Single(e => e.Kind == EventKind.Raised).Text.ShouldStartWith("Raised by Uma");
        d.DirectsTo(People.Uma).ShouldBeEmpty();
        d.Reply.ShouldEndWith("You will get a message at every handoff.");
    }
}
