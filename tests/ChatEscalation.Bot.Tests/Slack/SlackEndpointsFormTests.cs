using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackEndpointsFormTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static string Form(string json) => "payload=" + Uri.EscapeDataString(json);

    [Fact]
    public async Task Commands_SslCheck_200EmptyWithoutInbound()
    {
        var response = await host.PostFormAsync(SlackEndpoints.CommandsPath, "ssl_check=1&token=deprecated");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        host.Inbound.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Commands_SignedForm_ParsedWithPlusAsSpaceAndEphemeralReplyWritten()
    {
        host.Inbound.Reply = SlackReply.Ephemeral("Raised INC-000042");
        var form = "token=x&team_id=T0DESK001&channel_id=C0HELPDESK&channel_name=helpdesk&user_id=U0USER0042&user_name=sam"
            + "&command=%2Fticket&text=VPN+drops+every+10%25+of+the+time&api_app_id=A0ESCAL01"
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0DESK001%2F1%2Fabc&trigger_id=13345224609.738474920.8088930838d88f008e0";

        var response = await host.PostFormAsync(SlackEndpoints.CommandsPath, form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["response_type"]!.GetValue<string>().ShouldBe("ephemeral");
        body["text"]!.GetValue<string>().ShouldBe("Raised INC-000042");
        var command = host.Inbound.Calls.ShouldHaveSingleItem().ShouldBeOfType<SlackSlashCommand>();
        command.Command.ShouldBe("/ticket");
        command.Text.ShouldBe("VPN drops every 10% of the time");
        command.UserId.ShouldBe("U0USER0042");
        command.ChannelId.ShouldBe("C0HELPDESK");
        command.ChannelName.ShouldBe("helpdesk");
        command.ApiAppId.ShouldBe("A0ESCAL01");
        command.ResponseUrl.ShouldBe("https://hooks.slack.com/commands/T0DESK001/1/abc");
        command.TriggerId.ShouldBe("13345224609.738474920.8088930838d88f008e0");
    }

    [Fact]
    public async Task Commands_PlainTextReply_WrittenAsText()
    {
        host.Inbound.Reply = SlackReply.PlainText("Usage: /ticket <what is wrong>");
        var response = await host.PostFormAsync(SlackEndpoints.CommandsPath, "command=%2Fticket&text=&user_id=U1");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync()).ShouldBe("Usage: /ticket <what is wrong>");
    }

    [Fact]
    public async Task Commands_NoCommandField_400()
    {
        var response = await host.PostFormAsync(SlackEndpoints.CommandsPath, "text=hello&user_id=U1");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Form has no 'command' field.");
    }

    [Fact]
    public async Task Commands_UnsignedSslCheck_401()
    {
        (await host.PostFormAsync(SlackEndpoints.CommandsPath, "ssl_check=1", sign: false)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Interactions_BlockActionsFixture_ReachesInboundParsed()
    {
        var response = await host.PostFormAsync(SlackEndpoints.InteractionsPath, Form(SlackTestHost.Fixture("block_actions.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var i = host.Inbound.Calls.ShouldHaveSingleItem().ShouldBeOfType<SlackInteraction>();
        i.Type.ShouldBe(SlackInteraction.BlockActions);
        i.User.Id.ShouldBe("U0TECH001");
        i.User.TeamId.ShouldBe("T0DESK001");
        i.Team!.Id.ShouldBe("T0DESK001");
        i.Channel!.Id.ShouldBe("C0TIER1Q");
        i.Container!.Type.ShouldBe("message");
        i.Container.MessageTs.ShouldBe("1712345678.001200");
        i.Container.IsEphemeral.ShouldBe(false);
        i.Message!.Ts.ShouldBe("1712345678.001200");
        i.TriggerId.ShouldBe("7012345678901.1234567890123.4f1e2d3c4b5a69788796a5b4c3d2e1f0");
        i.ResponseUrl.ShouldBe("https://hooks.slack.com/actions/T0DESK001/7012345678901/AbCdEfGhIjKlMnOpQrStUvWx");
        var action = i.Actions.ShouldHaveSingleItem();
        action.ActionId.ShouldBe("ticket.accept");
        action.BlockId.ShouldBe("ticket.actions");
        action.Value.ShouldBe("INC-000042");
        action.Type.ShouldBe("button");
        i.Raw.GetProperty("message").GetProperty("blocks").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Interactions_ViewSubmissionFixture_ParsedAndErrorsReplyWritten()
    {
        host.Inbound.Reply = SlackReply.ViewErrors(new Dictionary<string, string> { ["handoff.tried"] = "Say what you tried (at least 20 characters)." });

        var response = await host.PostFormAsync(SlackEndpoints.InteractionsPath, Form(SlackTestHost.Fixture("view_submission.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["response_action"]!.GetValue<string>().ShouldBe("errors");
        body["errors"]!["handoff.tried"]!.GetValue<string>().ShouldBe("Say what you tried (at least 20 characters).");
        var i = host.Inbound.Calls.ShouldHaveSingleItem().ShouldBeOfType<SlackInteraction>();
        i.Type.ShouldBe(SlackInteraction.ViewSubmission);
        i.User.Id.ShouldBe("U0TECH001");
        i.View!.Id.ShouldBe("V0HANDOFF1");
        i.View.CallbackId.ShouldBe("ticket.escalate.modal");
        i.View.PrivateMetadata.ShouldBe("{\"ticket\":\"INC-000042\"}");
        i.View.Hash.ShouldBe("1712345700.AbCd1234");
        i.View.State.Get("handoff.tried", "value")!.Value.ShouldBe("Reinstalled the VPN client; drops continue on Wi-Fi and wired.");
        i.View.State.Get("handoff.tier", "value")!.SelectedOption!.Value.ShouldBe("tier2-network");
        i.View.State.Get("handoff.watchers", "value")!.SelectedUsers.ShouldBe(["U0LEAD001", "U0MGR0001"]);
        i.View.State.Get("handoff.missing", "value").ShouldBeNull();
        i.Actions.ShouldBeEmpty();
    }

    [Fact]
    public async Task Interactions_ViewClosed_Delivered()
    {
        var payload = "{\"type\":\"view_closed\",\"user\":{\"id\":\"U1\"},\"view\":{\"id\":\"V1\",\"callback_id\":\"ticket.escalate.modal\"},\"is_cleared\":true}";
        (await host.PostFormAsync(SlackEndpoints.InteractionsPath, Form(payload))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var i = await host.Inbound.NextAsync<SlackInteraction>();
        i.Type.ShouldBe(SlackInteraction.ViewClosed);
        i.IsCleared.ShouldBe(true);
        i.View!.CallbackId.ShouldBe("ticket.escalate.modal");
    }

    [Theory]
    [InlineData("foo=bar", "Form has no 'payload' field.")]
    [InlineData("payload=%7Bnot-json", "'payload' is not valid JSON.")]
    [InlineData("payload=%5B%5D", "'payload' is not a JSON object.")]
    [InlineData("payload=%7B%22user%22%3A%7B%7D%7D", "'payload' has no 'type'.")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A5%7D", "payload has an unexpected shape at $.actions.")]
    public async Task Interactions_MalformedPayload_400WithReason(string form, string reason)
    {
        var response = await host.PostFormAsync(SlackEndpoints.InteractionsPath, form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe(reason);
        host.Inbound.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Interactions_BodyTamperedAfterSigning_401()
    {
        var response = await host.PostAsync(SlackEndpoints.InteractionsPath, Form(SlackTestHost.Fixture("block_actions.json")),
            "application/x-www-form-urlencoded", configure: r => r.Content = new StringContent(Form("{\"type\":\"block_actions\"}"), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Inbound.Calls.ShouldBeEmpty();
    }
}
