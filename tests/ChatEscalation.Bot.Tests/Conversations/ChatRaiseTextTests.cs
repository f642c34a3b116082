using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Tests.Conversations;

/// <summary>What a typed raise means: <c>ticket [P1|P2|P3|P4|urgent] &lt;what is wrong&gt;</c>, as the Slack and Teams manifests advertise.</summary>
public class ChatRaiseTextTests
{
    private static readonly UserRef Uma = new("uma@demo.local", "Uma (end user)");

    /// <summary>The raise the typed text asks for, routed by the engine as a real ticket would be.</summary>
    private static (RaiseTicket Command, RoutingDecision Route) Raise(string text)
    {
        var intent = ChatIntentParser.Parse(text);
        intent.Kind.ShouldBe(ChatIntentKind.Raise);
        var command = TicketForms.ToRaise(ChatCommandText.Raise(intent.Text, LocalFixtures.Policy), Uma, "local");
        return (command, Routing.Decide(command, LocalFixtures.Policy));
    }

    [Theory]
    [InlineData("/ticket P1 Whole office VPN is down", Priority.P1, "Whole office VPN is down")]
    [InlineData("ticket p2 Outlook crashes for the finance team", Priority.P2, "Outlook crashes for the finance team")]
    [InlineData("/ticket [P3] Printer on floor 3 jams", Priority.P3, "Printer on floor 3 jams")]
    [InlineData("/ticket P4 New mouse please", Priority.P4, "New mouse please")]
    public void Raise_LeadingPriority_RoutedAsThatPriorityWithTheRestAsTitle(string text, Priority expected, string title)
    {
        var (command, route) = Raise(text);

        route.Priority.ShouldBe(expected);
        command.Title.ShouldBe(title);
    }

    [Fact]
    public void Raise_LeadingUrgent_HighUrgency()
    {
        var (command, route) = Raise("/ticket urgent Payroll export fails");

        command.Urgency.ShouldBe(Urgency.High);
        command.Title.ShouldBe("Payroll export fails");
        route.Priority.ShouldBe(Priority.P2); // high urgency × medium impact
    }

    [Fact]
    public void Raise_NoLeadingWord_TitleAloneAndNoGuessingFromTheWords()
    {
        var (command, route) = Raise("/ticket VPN drops every 10 minutes, urgent");

        command.Title.ShouldBe("VPN drops every 10 minutes, urgent");
        command.Impact.ShouldBeNull();
        command.Urgency.ShouldBeNull();
        route.Priority.ShouldBe(Priority.P3);
    }

    [Theory]
    [InlineData("/tiket VPN down", "ticket")]
    [InlineData("/tikcet VPN down", "ticket")]
    [InlineData("/staus INC-42", "status")]
    [InlineData("/escalte INC-42", "escalate")]
    [InlineData("tiket VPN down", "ticket")]
    public void Parse_TypoOfAVerb_DidYouMeanIt(string text, string verb)
    {
        var intent = ChatIntentParser.Parse(text);

        intent.Kind.ShouldBe(ChatIntentKind.Unknown);
        intent.DidYouMean.ShouldBe(verb);
    }

    [Theory]
    [InlineData("Mind the gap on floor 3")]
    [InlineData("hello there")]
    [InlineData("/xyzzy")]
    public void Parse_OrdinaryWords_NoSuggestion(string text) => ChatIntentParser.Parse(text).DidYouMean.ShouldBeNull();
}
