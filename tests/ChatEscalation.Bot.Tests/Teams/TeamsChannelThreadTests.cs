using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Issue 14, the thread is the conversation on Teams, through the running host and the Connector double: a ticket raised from Uma's
/// message in General is answered in that message's thread; the reporter's status lines go there too; a reply in the thread (mentioning
/// the bot) is a note, and the reporter's resumes a ticket waiting on her; a reply in the thread under the ticket's queue card is a note;
/// a mention in a thread about no ticket stays a chat command.
/// </summary>
public sealed class TeamsChannelThreadTests : IAsyncLifetime
{
    private const string General = "19:general@thread.tacv2", MessageId = "1773136700000";
    private static readonly TeamsTestUser Uma = TeamsTestUser.Uma, Alice = TeamsTestUser.Alice;
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;

    public async Task InitializeAsync()
    {
        host = await RunningTeamsHost.StartAsync(new Dictionary<string, string?> { ["Knowledge:AtIntake"] = "false" });
        activities = new TeamsActivities(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ReporterRepliesInTheThreadOfHerMessage_WaitingTicketResumes_StatusLinesInTheThread()
    {
        await PostOkAsync(activities.ChannelInstall(RunningTeamsHost.TierChannel(1), Alice));
        foreach (var user in new[] { Uma, Alice }) await PostOkAsync(activities.PersonalInstall(user));
        await RaiseFromUmasMessageAsync();
        await host.DispatchAsync();
        var inThread = $"POST /v3/conversations/{General}/activities/{MessageId}";
        Texts(inThread).ShouldHaveSingleItem().ShouldContain("INC-000001 raised from this message by Alice (Tier 1) for Uma (end user)");

        await PostOkAsync(activities.PersonalMessage(Alice, "accept INC-000001"));
        await PostOkAsync(activities.PersonalMessage(Alice, "wait INC-000001 Which laptop model is it?"));
        await host.DispatchAsync();
        var lines = Texts(inThread);
        lines.Count(t => t.Contains("Alice (Tier 1) now owns your ticket")).ShouldBe(1);
        lines.Count(t => t.Contains("Which laptop model is it?")).ShouldBe(1);
        Texts($"POST /v3/conversations/{Uma.PersonalConversationId}/activities").Count(t => t.Contains("Which laptop model is it?")).ShouldBe(1);

        var reply = ThreadReply(Uma, General, MessageId, "It is the ThinkPad T14");
        await PostOkAsync(reply);
        await PostOkAsync(reply); // Teams delivers it again: one note
        await host.DispatchAsync();

        var toAlice = Texts($"POST /v3/conversations/{Alice.PersonalConversationId}/activities");
        toAlice.Count(t => t.Contains("Uma (end user) added: It is the ThinkPad T14")).ShouldBe(1);
        toAlice.ShouldContain(t => t.Contains("Resumed: Uma (end user) answered"));
        Texts(inThread).Count(t => t.Contains("Note added to INC-000001")).ShouldBe(1);
    }

    [Fact]
    public async Task StaffReplyUnderTheQueueCard_NoteReachesTheReporter_OtherThreadsIgnored()
    {
        await PostOkAsync(activities.ChannelInstall(RunningTeamsHost.TierChannel(1), Alice));
        foreach (var user in new[] { Uma, Alice }) await PostOkAsync(activities.PersonalInstall(user));
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket Printer on floor 2 jams"));
        await host.DispatchAsync();
        var (cardThread, cardId) = host.Simulator.LastPostIn(RunningTeamsHost.TierChannel(1));
        cardThread.ShouldContain(";messageid=");

        await PostOkAsync(ThreadReply(Alice, RunningTeamsHost.TierChannel(1), cardId, "Ordered a new roller, fitted tomorrow"));
        await PostOkAsync(ThreadReply(Alice, General, "1773136799999", "Lunch anyone?"));
        await host.DispatchAsync();

        var toUma = Texts($"POST /v3/conversations/{Uma.PersonalConversationId}/activities");
        toUma.ShouldContain(t => t.Contains("Alice (Tier 1) wrote: Ordered a new roller"));
        toUma.ShouldNotContain(t => t.Contains("Lunch")); // a mention in a thread about no ticket is a chat command, not a note
        Texts($"POST /v3/conversations/{RunningTeamsHost.TierChannel(1)}/activities/{cardId}").ShouldContain(t => t.Contains("Note added to INC-000001"));
    }

    /// <summary>Alice raises a ticket from Uma's message in General with the message extension.</summary>
    private async Task RaiseFromUmasMessageAsync()
    {
        var invoke = activities.ChannelMessage(Alice, General, "x");
        invoke["type"] = "invoke";
        invoke["name"] = TeamsMessageExtensionHandler.SubmitAction;
        invoke["conversation"]!["id"] = $"{General};messageid={MessageId}";
        invoke.Remove("text");
        invoke["value"] = new JsonObject
        {
            ["commandId"] = TeamsMessageExtensionHandler.RaiseCommand,
            ["commandContext"] = "message",
            ["messagePayload"] = new JsonObject
            {
                ["id"] = MessageId,
                ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = "My laptop will not boot" },
                ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = Uma.UserId, ["displayName"] = Uma.Name, ["aadObjectId"] = Uma.AadObjectId } },
            },
            ["data"] = new JsonObject { ["verb"] = "raise", ["raise.title"] = "My laptop will not boot", ["raise.impact"] = "Medium", ["raise.urgency"] = "Medium" },
        };
        var (status, body) = await host.InvokeAsync(invoke);
        status.ShouldBe(200);
        body!["task"]!["value"]!.GetValue<string>().ShouldStartWith("INC-000001 raised for Uma");
    }

    /// <summary>A reply by <paramref name="user"/>, mentioning the bot, in the thread of <paramref name="rootId"/> in <paramref name="channel"/>.</summary>
    private JsonObject ThreadReply(TeamsTestUser user, string channel, string rootId, string text)
    {
        var activity = activities.ChannelMention(user, channel, text);
        activity["conversation"]!["id"] = $"{channel};messageid={rootId}";
        activity["replyToId"] = rootId;
        return activity;
    }

    /// <summary>The texts the bot sent with <paramref name="call"/> (method and path), in order.</summary>
    private List<string> Texts(string call) => host.Connector.ConnectorRequests.Select(ConnectorCall.From)
        .Where(c => Uri.UnescapeDataString(c.ToString()) == call)
        .Select(c => c.Body?["text"]?.GetValue<string>() ?? CardInspection.Text(c.Card))
        .ToList();

    private async Task PostOkAsync(JsonNode activity)
    {
        using var response = await host.PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
