using System.Net;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed partial class TeamsConnectorClientTests
{
    [Fact]
    public async Task SendToConversation_429WithRetryAfter_ThrowsThrottledWithoutRetry()
    {
        fake.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled","message":"slow down"}}""", RetryAfter: "7"));

        var ex = await Should.ThrowAsync<TeamsThrottledException>(() => Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi")));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.ErrorCode.ShouldBe("Throttled");
        fake.ConnectorRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendToConversation_429WithoutRetryAfter_ThrowsThrottledWithNullDelay()
    {
        fake.Enqueue(new ScriptedResponse(429));

        var ex = await Should.ThrowAsync<TeamsThrottledException>(() => Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi")));

        ex.RetryAfter.ShouldBeNull();
    }

    [Theory]
    [InlineData(503)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task SendToConversation_Transient_NotRepeatedByTheClient_TheOutboxDecides(int status)
    {
        // Creating an activity has no idempotency key: a second POST after a 502 could post the message twice.
        fake.Enqueue(new ScriptedResponse(status), new ScriptedResponse(200, """{"id":"after-retry"}"""));

        var ex = await Should.ThrowAsync<TeamsConnectorException>(() => Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi")));

        ex.Status.ShouldBe((HttpStatusCode)status);
        fake.ConnectorRequests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task UpdateActivity_TransientThen200_RetriedAndSucceeds(int status)
    {
        fake.Enqueue(new ScriptedResponse(status), new ScriptedResponse(200, "{}"));

        await Connector.UpdateActivityAsync(fake.ServiceUrl, "19:c;messageid=1", "1", Activity.TextMessage("edited"));

        fake.ConnectorRequests.Count.ShouldBe(2);
        fake.ConnectorRequests[1].Body.ShouldBe(fake.ConnectorRequests[0].Body);
    }

    [Fact]
    public async Task UpdateActivity_503Persisting_ThrowsAfterMaxRetries()
    {
        fake.Enqueue(Enumerable.Repeat(new ScriptedResponse(503, """{"error":{"code":"ServiceUnavailable"}}"""), 4).ToArray());

        var ex = await Should.ThrowAsync<TeamsConnectorException>(() => Connector.UpdateActivityAsync(fake.ServiceUrl, "19:c;messageid=1", "1", Activity.TextMessage("edited")));

        ex.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        fake.ConnectorRequests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task SendToConversation_404_ThrowsWithTeamsErrorCodeWithoutRetry()
    {
        fake.Enqueue(new ScriptedResponse(404, """{"error":{"code":"ConversationNotFound","message":"gone"}}"""));

        var ex = await Should.ThrowAsync<TeamsConnectorException>(() => Connector.SendToConversationAsync(fake.ServiceUrl, "a:1", Activity.TextMessage("hi")));

        ex.ShouldNotBeOfType<TeamsThrottledException>();
        ex.Status.ShouldBe(HttpStatusCode.NotFound);
        ex.ErrorCode.ShouldBe("ConversationNotFound");
        fake.ConnectorRequests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://127.0.0.1:1/")]
    [InlineData("not a url")]
    public async Task SendToConversation_ServiceUrlOutsideAllowedPrefixes_RefusedWithoutSending(string serviceUrl)
    {
        await Should.ThrowAsync<TeamsServiceUrlNotAllowedException>(() => Connector.SendToConversationAsync(serviceUrl, "a:1", Activity.TextMessage("hi")));

        fake.ConnectorRequests.ShouldBeEmpty();
        fake.TokenRequests.ShouldBeEmpty();
    }
}
