using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>The Reassign button of a manager alert in Slack: modal with tier and person selects, inline refusals, the move itself.</summary>
public sealed class SlackReassignTests : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice, Maria = SlackChatUser.Maria, Carol = SlackChatUser.Carol;
    private RunningSlackChatHost host = null!;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Uma raises a ticket and asks for a manager; returns the manager alert posted to the manager channel.</summary>
    private async Task<SlackApiCall> ManagerAlertAsync()
    {
        await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "Printer on floor 2 jams"));
        await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "manager INC-1 nobody has looked at it"));
        await host.DispatchAsync();
        return host.Api.Calls.Single(c => c.Method == "chat.postMessage" && c["channel"] == RunningSlackChatHost.ManagerChannel);
    }

    private async Task<JsonObject> OpenReassignAsync(SlackChatUser who, SlackApiCall alert, string actionTs)
    {
        var seen = host.Api.Calls.Count;
        (await PostAsync("/slack/interactions", SlackChatPayloads.BlockAction(who, alert["channel"]!, alert.AnsweredTs!, "reassign", 1, actionTs))).ShouldBeEmpty();
        return (await host.Api.WaitForAsync("views.open", seen)).Body["view"]!.AsObject();
    }

    [Fact]
    public async Task ManagerAlert_Reassign_ModalOffersTiersAndStaff_SubmissionGivesItToThePerson()
    {
        var alert = await ManagerAlertAsync();
        alert.ActionIds.ShouldContain("reassign");

        var view = await OpenReassignAsync(Maria, alert, "1773136900.000100");

        view["callback_id"]!.GetValue<string>().ShouldBe("reassign");
        view["private_metadata"]!.GetValue<string>().ShouldBe("1");
        var blocks = view["blocks"]!.AsArray();
        blocks.Select(b => b!["block_id"]!.GetValue<string>()).ShouldBe(["tier", "owner", "reason"]);
        var tiers = blocks[0]!["element"]!["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>());
        tiers.ShouldBe(["1", "2", "3", "4"]);
        var people = blocks[1]!["element"]!["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ToList();
        people.ShouldContain("carol@demo.local");
        people.ShouldNotContain("uma@demo.local");

        var reply = await PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(Maria, view,
            new Dictionary<string, string> { ["reason"] = "Carol fixed this printer last week" }, "V0REASSIGN",
            new Dictionary<string, string> { ["owner"] = "carol@demo.local" }));
        reply.ShouldBeEmpty();
        var seen = host.Api.Calls.Count;
        await host.DispatchAsync();

        var toCarol = host.Api.Calls.Skip(seen).Single(c => c.Method == "chat.postMessage" && c["channel"] == Carol.DmChannel);
        toCarol["text"]!.ShouldContain("assigned INC-000001");
        toCarol["text"]!.ShouldContain("Carol fixed this printer last week");
        var status = JsonNode.Parse(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "status INC-1")))!;
        status["text"]!.GetValue<string>().ShouldContain("Carol (Tier 2)");
    }

    [Fact]
    public async Task ReassignModal_NeitherTierNorPerson_ErrorInlineOnTier()
    {
        var alert = await ManagerAlertAsync();
        var view = await OpenReassignAsync(Maria, alert, "1773136901.000100");

        var reply = JsonNode.Parse(await PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(Maria, view,
            new Dictionary<string, string> { ["reason"] = "Wrong queue" }, "V0REASSIGN2")))!;

        reply["response_action"]!.GetValue<string>().ShouldBe("errors");
        reply["errors"]!["tier"]!.GetValue<string>().ShouldContain("Choose a tier or a person");
    }

    [Fact]
    public async Task ReassignModal_SubmittedByATechnician_RefusedInlineAndNothingMoves()
    {
        var alert = await ManagerAlertAsync();
        var view = await OpenReassignAsync(Alice, alert, "1773136902.000100");

        var reply = JsonNode.Parse(await PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(Alice, view,
            new Dictionary<string, string> { ["reason"] = "I want it gone" }, "V0REASSIGN3",
            new Dictionary<string, string> { ["tier"] = "3" })))!;

        reply["errors"]!["reason"]!.GetValue<string>().ShouldContain("Only a manager can reassign");
        var status = JsonNode.Parse(await PostAsync("/slack/commands", SlackChatPayloads.Command(Uma, "/ticket", "status INC-1")))!;
        status["text"]!.GetValue<string>().ShouldContain("Tier 1");
        status["text"]!.GetValue<string>().ShouldNotContain("Tier 3");
    }

    private async Task<string> PostAsync(string path, string body, string contentType = "application/x-www-form-urlencoded")
    {
        using var response = await host.PostAsync(path, body, contentType);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return text;
    }
}
