using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed partial class SlackApiClientTests
{
    [Fact]
    public async Task PostMessageAsync_OkFalse_SlackApiExceptionWithMethodAndCodeNotRetried()
    {
        slack.Enqueue(FakeSlackAnswer.Ok("{\"ok\":false,\"error\":\"channel_not_found\"}"));

        var ex = await Should.ThrowAsync<SlackApiException>(() => Api.PostMessageAsync("C0GONE", "hi"));

        ex.Method.ShouldBe("chat.postMessage");
        ex.Error.ShouldBe("channel_not_found");
        ex.Message.ShouldBe("chat.postMessage failed: channel_not_found");
        slack.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PostMessageAsync_429WithRetryAfter7_RateLimitedExceptionNotRetried()
    {
        slack.Enqueue(new FakeSlackAnswer(429, "{\"ok\":false,\"error\":\"ratelimited\"}", RetryAfter: "7"));

        var ex = await Should.ThrowAsync<SlackRateLimitedException>(() => Api.PostMessageAsync("C0TIER1Q", "hi"));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.Method.ShouldBe("chat.postMessage");
        slack.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task UpdateMessageAsync_429WithoutRetryAfter_NoWaitGiven_TheOutboxBacksOff()
    {
        slack.Enqueue(new FakeSlackAnswer(429, ""));
        var ex = await Should.ThrowAsync<SlackRateLimitedException>(() => Api.UpdateMessageAsync("C1", "1.2", "x"));
        ex.RetryAfter.ShouldBeNull();
        slack.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PostMessageAsync_503_NotRepeatedByTheClient_TheOutboxDecides()
    {
        // A post is not idempotent: Slack may have posted it before answering 503, so only the outbox (which checks) tries again.
        slack.Enqueue(new FakeSlackAnswer(503, "upstream busy"));

        var ex = await Should.ThrowAsync<SlackApiException>(() => Api.PostMessageAsync("C0TIER1Q", "hi"));

        ex.Error.ShouldBe("http_503");
        slack.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task UpdateMessageAsync_503Then200_RetriedAndSucceeds()
    {
        slack.Enqueue(new FakeSlackAnswer(503, "upstream busy"));

        await Api.UpdateMessageAsync("C0TIER1Q", "1712345678.001200", "edited");

        var calls = slack.Calls;
        calls.Count.ShouldBe(2);
        calls[1].Body.ShouldBe(calls[0].Body);
        calls[1].Authorization.ShouldBe("Bearer xoxb-test-token");
    }

    [Fact]
    public async Task UpdateMessageAsync_503Persisting_SurfacedAfterThreeRetries()
    {
        slack.Enqueue(Enumerable.Repeat(new FakeSlackAnswer(503, ""), 4).ToArray());

        var ex = await Should.ThrowAsync<SlackApiException>(() => Api.UpdateMessageAsync("C0TIER1Q", "1712345678.001200", "edited"));

        ex.Error.ShouldBe("http_503");
        slack.Calls.Count.ShouldBe(4);
    }

    [Fact]
    public async Task PostMessageAsync_400_NotRetried()
    {
        slack.Enqueue(new FakeSlackAnswer(400, "bad"));
        (await Should.ThrowAsync<SlackApiException>(() => Api.PostMessageAsync("C1", "x"))).Error.ShouldBe("http_400");
        slack.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AuthTestAsync_NotJson_InvalidResponse()
    {
        slack.Enqueue(new FakeSlackAnswer(200, "<html>maintenance</html>"));
        (await Should.ThrowAsync<SlackApiException>(() => Api.AuthTestAsync())).Error.ShouldBe("invalid_response");
    }

    [Fact]
    public async Task PostMessageAsync_NothingListening_HttpRequestExceptionSurfaced()
    {
        await slack.DisposeAsync(); // nothing listens on the port any more
        await Should.ThrowAsync<HttpRequestException>(() => Api.PostMessageAsync("C1", "x"));
    }
}
