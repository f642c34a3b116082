using ChatEscalation.Bot.Dashboard;
using ChatEscalation.Core.Events;

namespace ChatEscalation.Bot.Tests.Dashboard;

public sealed class EventSentencesTests
{
    [Fact]
    public void Of_EveryEventKind_ASentenceNotTheRawName()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            var sentence = EventSentences.Of(kind);
            var name = kind.ToString();
            if (name.Skip(1).Any(char.IsUpper)) sentence.ShouldNotContain(name, Case.Sensitive, $"{kind} is written as its raw name");
            char.IsUpper(sentence[0]).ShouldBeTrue();
        }
        EventSentences.Of(EventKind.PageAcknowledged).ShouldBe("Page acknowledged");
        EventSentences.Of(EventKind.SlaWarned).ShouldStartWith("SLA warning");
        EventSentences.Of(EventKind.TopTierTimedOut).ShouldContain("managers were told");
    }
}
