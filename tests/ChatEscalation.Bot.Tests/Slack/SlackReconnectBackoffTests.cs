using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackReconnectBackoffTests
{
    [Fact]
    public void Next_MaxJitter_DoublesUntilCap()
    {
        var backoff = new SlackReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 1.0);
        Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ShouldBe([1, 2, 4, 8, 10, 10]);
    }

    [Fact]
    public void Next_MinJitter_HalfOfCeiling()
    {
        var backoff = new SlackReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 0.0);
        Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ShouldBe([0.5, 1, 2, 4, 5, 5]);
    }

    [Fact]
    public void Next_RealRandom_StaysWithinHalfToFullCeiling()
    {
        var backoff = new SlackReconnectBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), ChatEscalation.Bot.Hosting.Jitter.Shared.Next);
        for (var i = 0; i < 100; i++)
        {
            var ceiling = Math.Min(60, 2 * Math.Pow(2, i));
            backoff.Next().TotalSeconds.ShouldBeInRange(ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Reset_AfterFailures_StartsFromBaseAgain()
    {
        var backoff = new SlackReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 1.0);
        backoff.Next();
        backoff.Next();
        backoff.Reset();
        backoff.Next().ShouldBe(TimeSpan.FromSeconds(1));
    }
}
