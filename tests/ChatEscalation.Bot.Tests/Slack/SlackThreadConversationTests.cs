using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>
/// Issue 14: the thread is the conversation, through the running host and the fake Slack Web API: the reporter's reply in the thread
/// under the bot's "needs something from you" DM resumes the waiting ticket; a reply in the channel thread of a message a ticket was
/// raised from becomes a note; other channel threads are left alone.
/// </summary>
public sealed class SlackThreadConversationTests : IAsyncLifetime
{
    private static readonly SlackChatUser Uma = SlackChatUser.Uma, Alice = SlackChatUser.Alice;
    private RunningSlackChatHost host = null!;
    private int events;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false,
        new Dictionary<string, string?> { ["Knowledge:AtIntake"] = "false" }); // these tests are about threads, not the knowledge step

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ReporterRepliesInTheDmThread_WaitingTicketResumesAndOwnerIsTold()
    {
        await CommandAsync(Uma, "/ticket", "Laptop will not boot");
        await DirectAsync(Alice, Alice.DmChannel, "accept INC-000001");
        await DirectAsync(Alice, Alice.DmChannel, "wait INC-000001 Which laptop model is it?");
        await host.DispatchAsync();
        var question = host.Api.Calls.Last(c => c.Method == "chat.postMessage" && c["channel"] == Uma.DmChannel);
        question["text"]!.ShouldContain("Answer in the thread under this message");
        var before = host.Api.Calls.Count;

        await EventAsync(Uma, Uma.DmChannel, "im", "It is the ThinkPad T14", question.AnsweredTs!);
        await host.DispatchAsync();

        var after = host.Api.Calls.Skip(before).ToList();
        after.ShouldContain(c => c.Method == "chat.postMessage" && c["channel"] == Alice.DmChannel && c["text"]!.Contains("Uma (end user) added: It is the ThinkPad T14"));
        after.ShouldContain(c => c.Method == "chat.postMessage" && c["channel"] == Alice.DmChannel && c["text"]!.Contains("Resumed: Uma (end user) answered"));
        after.ShouldContain(c => c.Method == "chat.postMessage" && c["channel"] == Uma.DmChannel && c["thread_ts"] == question.AnsweredTs && c["text"]!.Contains("Note added to INC-000001"));
        var status = await CommandAsync(Uma, "/ticket", "status INC-000001");
        status.ShouldContain("In progress with Alice");
    }

    [Theory]
    [InlineData("C0GENERAL", "channel")]
    [InlineData("C0PRIVATE", "group")] // a private channel (message.groups)
    public async Task ReplyInTheThreadOfARaisedMessage_NoteOnTheTicket_OtherThreadsIgnored(string channel, string channelType)
    {
        const string ts = "1773136700.000300";
        var shortcut = SlackChatPayloads.MessageShortcut(Alice, SlackInbound.RaiseShortcut, channel, Uma, "Printer on floor 2 is jammed", ts);
        await PostAsync("/slack/interactions", shortcut, "application/x-www-form-urlencoded");
        var view = (await host.Api.WaitForAsync("views.open", 0)).Body["view"]!.AsObject();
        await PostAsync("/slack/interactions", SlackChatPayloads.ViewSubmission(Alice, view, new Dictionary<string, string> { ["title"] = "Printer on floor 2 is jammed" }, "V0THREAD"),
            "application/x-www-form-urlencoded");
        await host.DispatchAsync();
        var before = host.Api.Calls.Count;

        await EventAsync(Uma, channel, channelType, "It jams on every A3 job", ts);
        await EventAsync(Uma, channel, channelType, "Lunch anyone?", "1773136700.000999");
        await host.DispatchAsync();

        var after = host.Api.Calls.Skip(before).Where(c => c.Method == "chat.postMessage").ToList();
        after.ShouldContain(c => c["channel"] == channel && c["thread_ts"] == ts && c["text"]!.Contains("Note added to INC-000001"));
        after.ShouldContain(c => c["channel"] == RunningSlackChatHost.TierChannel(1) && c["text"]!.Contains("It jams on every A3 job"));
        after.ShouldNotContain(c => c["thread_ts"] == "1773136700.000999");
    }

    private async Task<string> CommandAsync(SlackChatUser user, string command, string text)
    {
        using var response = await PostAsync("/slack/commands", SlackChatPayloads.Command(user, command, text), "application/x-www-form-urlencoded");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]!.GetValue<string>();
    }

    private Task DirectAsync(SlackChatUser user, string channel, string text) => EventAsync(user, channel, "im", text, null);

    private async Task EventAsync(SlackChatUser user, string channel, string channelType, string text, string? threadTs)
    {
        var n = ++events;
        var ts = $"1773136950.{n:D6}";
        var body = new JsonObject
        {
            ["team_id"] = SlackChatPayloads.TeamId,
            ["api_app_id"] = SlackChatPayloads.AppId,
            ["event"] = new JsonObject
            {
                ["type"] = "message", ["user"] = user.Id, ["text"] = text, ["ts"] = ts, ["channel"] = channel, ["channel_type"] = channelType,
                ["event_ts"] = ts, ["thread_ts"] = threadTs,
            },
            ["type"] = "event_callback",
            ["event_id"] = $"Ev0THREAD{n}",
            ["event_time"] = 1773136950,
        };
        (await PostAsync("/slack/events", body.ToJsonString(), "application/json")).Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string contentType)
    {
        var response = await host.PostAsync(path, body, contentType);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response;
    }
}
