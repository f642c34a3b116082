using System.Net;
using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed partial class TeamsEndpointsTests
{
    [Fact]
    public async Task Post_AuthenticatedMalformedJson_Answers400WithReason()
    {
        var response = await host.PostAsync("{not json", "Bearer " + host.ValidToken());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("JSON");
        host.Handler.Received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_AuthenticatedActivityNotJsonContentType_Answers415WithReason(string contentType)
    {
        var response = await host.PostAsync(host.MessageActivity().ToJsonString(), "Bearer " + host.ValidToken(), contentType);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).ShouldContain("application/json");
        host.Handler.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_UnauthenticatedTextPlain_Answers401BeforeLookingAtTheBody()
    {
        var response = await host.PostAsync("hello", authorization: null, "text/plain");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Handler.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_AuthenticatedActivityWithoutType_Answers400WithReason()
    {
        var activity = host.MessageActivity();
        activity.Remove("type");

        var response = await host.PostAsync(activity, host.ValidToken());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("type");
        host.Handler.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_Invoke_AnswersOuter200WithHandlerBody()
    {
        var activity = host.MessageActivity();
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "accept" }, ["trigger"] = "manual" };

        var response = await host.PostAsync(activity, host.ValidToken());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["statusCode"]!.GetValue<int>().ShouldBe(200);
        body["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.activity.message");
        body["value"]!.GetValue<string>().ShouldBe("ok");
        host.Handler.Received.Single().Value!.Value.GetProperty("action").GetProperty("verb").GetString().ShouldBe("accept");
    }

    [Fact]
    public async Task Get_MessagesEndpoint_Answers405()
    {
        var response = await host.Client.GetAsync("/api/messages");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Post_TeamsNotConfigured_Answers503WithText()
    {
        await using var disabled = await TeamsTestHost.StartAsync(appId: null);

        var response = await disabled.PostAsync(disabled.MessageActivity(), disabled.ValidToken());

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Teams:AppId");
        disabled.Handler.Received.ShouldBeEmpty();
    }
}
