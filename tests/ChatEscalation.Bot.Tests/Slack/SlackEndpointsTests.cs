using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private const string Challenge = "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}";
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Events_UnsignedUrlVerification_401EmptyAndNotEchoed()
    {
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, Challenge, sign: false);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Events_SignedUrlVerification_ReturnsChallengeJson()
    {
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, Challenge);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>()
            .ShouldBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
        host.Inbound.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Events_SignedSixMinutesAgo_401()
    {
        var old = host.Time.GetUtcNow().AddMinutes(-6).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await host.PostAsync(SlackEndpoints.EventsPath, Challenge, "application/json", timestamp: old);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("{\"type\":\"url_verification\",\"challenge\":\"c\"} {}")]
    [InlineData("{\"type\":\"url_verification\",\"challenge\":\"c\"} x")]
    public async Task Events_ContentAfterTheJsonObject_400NotValidJson(string body)
    {
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Body is not valid JSON.");
    }

    [Fact]
    public async Task Events_JsonObjectWithTrailingWhitespace_Accepted()
    {
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, "{\"type\":\"url_verification\",\"challenge\":\"c\"}  \n");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Events_MalformedJson_400WithReasonAfterSignatureCheck()
    {
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, "{\"type\":\"event_callback\",");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Body is not valid JSON.");
        (await host.PostJsonAsync(SlackEndpoints.EventsPath, "{\"type\":", sign: false)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("[1,2]", "Body is not a JSON object.")]
    [InlineData("{\"event_id\":\"Ev1\"}", "Envelope has no 'type'.")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}", "event_callback has no 'event' object.")]
    [InlineData("{\"type\":\"url_verification\"}", "url_verification has no 'challenge'.")]
    [InlineData("{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"},\"event_time\":\"soon\"}", "event_callback has an unexpected shape at $.event_time.")]
    public async Task Events_WrongShape_400WithReason(string body, string reason)
    {
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe(reason);
    }

    [Fact]
    public async Task Events_AppMentionFixture_ReachesInboundParsed()
    {
        var response = await host.PostAsync(SlackEndpoints.EventsPath, SlackTestHost.Fixture("event_callback_app_mention.json"), "application/json",
            configure: r => { r.Headers.Add("X-Slack-Retry-Num", "2"); r.Headers.Add("X-Slack-Retry-Reason", "http_timeout"); });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        var callback = host.Inbound.Calls.ShouldHaveSingleItem().ShouldBeOfType<SlackEventCallback>();
        callback.EventId.ShouldBe("Ev06ABCDEF12");
        callback.EventTime.ShouldBe(1712345600);
        callback.TeamId.ShouldBe("T0DESK001");
        callback.ApiAppId.ShouldBe("A0ESCAL01");
        callback.RetryNum.ShouldBe(2);
        callback.RetryReason.ShouldBe("http_timeout");
        callback.Event.Type.ShouldBe("app_mention");
        callback.Event.User.ShouldBe("U0USER0042");
        callback.Event.Text.ShouldBe("<@U0ESCALBOT> ticket VPN drops every 10 minutes");
        callback.Event.Channel.ShouldBe("C0HELPDESK");
        callback.Event.Ts.ShouldBe("1712345600.000300");
        callback.Event.ThreadTs.ShouldBe("1712345500.000100");
        callback.Event.BotId.ShouldBeNull();
        callback.Event.Raw.GetProperty("client_msg_id").GetString().ShouldBe("0b9f3c1e-6a1d-4d5e-9c2b-7f3a2e1d0c9b");
        callback.Raw.GetProperty("event_context").GetString().ShouldStartWith("4-");
    }

    [Fact]
    public async Task Events_UserAsObject_ReadsAsNullInsteadOf400()
    {
        var body = "{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"user_change\",\"user\":{\"id\":\"U1\"}}}";
        (await host.PostJsonAsync(SlackEndpoints.EventsPath, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var callback = (await host.Inbound.NextAsync<SlackEventCallback>());
        callback.Event.User.ShouldBeNull();
        callback.Event.Raw.GetProperty("user").GetProperty("id").GetString().ShouldBe("U1");
    }

    [Fact]
    public async Task Events_AppRateLimited_200WithoutInbound()
    {
        var body = "{\"token\":\"x\",\"type\":\"app_rate_limited\",\"team_id\":\"T1\",\"minute_rate_limited\":1518467820,\"api_app_id\":\"A1\"}";
        (await host.PostJsonAsync(SlackEndpoints.EventsPath, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Inbound.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Events_InboundThrows_500SoSlackRetries()
    {
        host.Inbound.Failure = new InvalidOperationException("database down");
        var response = await host.PostJsonAsync(SlackEndpoints.EventsPath, SlackTestHost.Fixture("event_callback_app_mention.json"));
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
    }
}
