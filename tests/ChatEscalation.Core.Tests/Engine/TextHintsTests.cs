using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Tests.Engine;

public class TextHintsTests
{
    [Theory]
    [InlineData("The whole office cannot print, urgent", Impact.High, Urgency.High)]
    [InlineData("Everyone on floor 3 lost Wi-Fi", Impact.High, null)]
    [InlineData("Only my laptop is slow, no rush", Impact.Low, Urgency.Low)]
    [InlineData("VPN is down and I can't work", null, Urgency.High)]
    [InlineData("Not urgent: the whole team would like a new monitor", Impact.High, Urgency.Low)]
    [InlineData("Printer on floor 2 jams", null, null)]
    [InlineData("", null, null)]
    public void Guess_FromWording(string text, Impact? impact, Urgency? urgency)
    {
        TextHints.Guess(text).ShouldBe((impact, urgency));
    }
}
