using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Issue 14: the "Raise a ticket" message extension through the running host and the Connector double: <c>composeExtension/fetchTask</c>
/// answers the prefilled dialog, <c>composeExtension/submitAction</c> raises the ticket for the message's author, linking back to it.
/// </summary>
public sealed class TeamsRaiseFromMessageTests : IAsyncLifetime
{
    private const string General = "19:general@thread.tacv2";
    private const string Link = "https://teams.microsoft.com/l/message/19:general@thread.tacv2/1773136700000?groupId=g1";
    private RunningTeamsHost host = null!;

    public async Task InitializeAsync() => host = await RunningTeamsHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task FetchTaskThenSubmitAction_DialogPrefilledThenTicketForTheAuthorWithTheLink()
    {
        var activities = new TeamsActivities(host);
        (await host.PostAsync(activities.ChannelInstall(RunningTeamsHost.TierChannel(1), TeamsTestUser.Alice))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (status, fetched) = await host.InvokeAsync(Invoke(activities, TeamsMessageExtensionHandler.FetchTask, null));
        status.ShouldBe(200);
        fetched!["task"]!["type"]!.GetValue<string>().ShouldBe("continue");
        var card = fetched["task"]!["value"]!["card"]!["content"]!.AsObject();
        var inputs = card["body"]!.AsArray().Where(b => b!["id"] is not null).ToDictionary(b => b!["id"]!.GetValue<string>(), b => b!["value"]?.GetValue<string>());
        inputs["raise.title"].ShouldBe("Is the VPN down for anyone else?");
        inputs["raise.description"]!.ShouldContain("vpn.png: https://contoso.sharepoint.com/vpn.png");
        inputs["raise.category"].ShouldBe("Network");
        card["actions"]![0]!["type"]!.GetValue<string>().ShouldBe("Action.Submit");

        var data = new JsonObject { ["verb"] = "raise", ["raise.title"] = inputs["raise.title"], ["raise.description"] = inputs["raise.description"],
            ["raise.category"] = "Network", ["raise.impact"] = "Medium", ["raise.urgency"] = "Medium" };
        var (_, submitted) = await host.InvokeAsync(Invoke(activities, TeamsMessageExtensionHandler.SubmitAction, data));
        submitted!["task"]!["type"]!.GetValue<string>().ShouldBe("message");
        submitted["task"]!["value"]!.GetValue<string>().ShouldStartWith("INC-000001 raised for Uma (end user): Waiting for a Tier 1");

        await host.DispatchAsync();
        var tierCard = host.Connector.ConnectorRequests.Select(ConnectorCall.From)
            .Last(c => c.ToString() == "POST /v3/conversations" && c.BodyText.Contains(RunningTeamsHost.TierChannel(1)));
        CardInspection.Text(tierCard.Card).ShouldContain("From the message: " + Link);
        CardInspection.Text(tierCard.Card).ShouldContain("Reported by Uma (end user)");
    }

    /// <summary>Alice uses the command on Uma's message in the General channel (with one file).</summary>
    private JsonObject Invoke(TeamsActivities activities, string name, JsonObject? data)
    {
        var activity = activities.ChannelMessage(TeamsTestUser.Alice, General, "x");
        activity["type"] = "invoke";
        activity["name"] = name;
        activity.Remove("text");
        var value = new JsonObject
        {
            ["commandId"] = TeamsMessageExtensionHandler.RaiseCommand,
            ["commandContext"] = "message",
            ["messagePayload"] = new JsonObject
            {
                ["id"] = "1773136700000",
                ["messageType"] = "message",
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>Is the VPN down for anyone else?</p><p>It drops every 10 minutes &amp; more</p>" },
                ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = TeamsTestUser.Uma.UserId, ["displayName"] = TeamsTestUser.Uma.Name, ["aadObjectId"] = TeamsTestUser.Uma.AadObjectId } },
                ["linkToMessage"] = Link,
                ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "reference", ["contentUrl"] = "https://contoso.sharepoint.com/vpn.png", ["name"] = "vpn.png" }),
            },
        };
        if (data is not null) value["data"] = data;
        activity["value"] = value;
        return activity;
    }
}
