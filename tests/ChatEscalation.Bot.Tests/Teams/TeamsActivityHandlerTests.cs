using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatEscalation.Bot.Teams;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// <see cref="TeamsActivityHandler"/> through the running host with the recorded activity fixtures (<c>Teams/Fixtures/*.json</c>),
/// each signed by the local issuer; effects read back from the engine (SQLite) and the Connector's recorded calls.
/// </summary>
public sealed class TeamsActivityHandlerTests : IAsyncLifetime
{
    private static readonly TeamsTestUser Uma = TeamsTestUser.Uma, Alice = TeamsTestUser.Alice, Bob = TeamsTestUser.Bob, Maria = TeamsTestUser.Maria;
    private static readonly string Tier1 = RunningTeamsHost.TierChannel(1);
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;
    private int seen;

    public Task InitializeAsync() => StartHostAsync();

    /// <summary>Starts the host (with <paramref name="services"/> registered first), installed in the Tier 1 channel and everyone's personal chat.</summary>
    private async Task StartHostAsync(Action<IServiceCollection>? services = null)
    {
        host = await RunningTeamsHost.StartAsync(services: services);
        activities = new TeamsActivities(host);
        seen = 0;
        await PostOkAsync(activities.ChannelInstall(Tier1, Maria));
        foreach (var user in TeamsTestUser.All) await PostOkAsync(activities.PersonalInstall(user));
        NewCalls();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ConversationUpdate_ChannelAndPersonalInstalls_StoreReferencesAndPeople()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ITeamsDirectory>();

        var channel = await directory.FindConversationAsync(Tier1, default);
        channel.ShouldNotBeNull();
        channel.ServiceUrl.ShouldBe(host.Connector.ServiceUrl);
        channel.ConversationId.ShouldBe(Tier1);
        channel.TenantId.ShouldBe(RunningTeamsHost.TenantId);
        channel.BotId.ShouldBe(TeamsActivities.BotId);
        channel.UserId.ShouldBeNull(); // a channel reference does not belong to whoever installed the app

        var personal = await directory.FindConversationAsync("uma@demo.local", default);
        personal.ShouldNotBeNull();
        personal.ConversationId.ShouldBe(Uma.PersonalConversationId);
        personal.UserId.ShouldBe(Uma.UserId);
        personal.UserAadObjectId.ShouldBe(Uma.AadObjectId);

        var person = await directory.FindUserAsync(Uma.AadObjectId, default);
        person.ShouldNotBeNull();
        person.Email.ShouldBe("uma@demo.local");
        person.UserId.ShouldBe(Uma.UserId);
        (await directory.FindConversationAsync(RunningTeamsHost.TierChannel(2), default)).ShouldBeNull();
    }

    [Fact]
    public async Task PersonalMessage_SameChatAsStored_ReferenceNotWrittenAgain_NewChatStored()
    {
        var installed = await StoredPersonalChatAsync("uma@demo.local");
        host.Time.Advance(TimeSpan.FromMinutes(5));

        await PostOkAsync(activities.PersonalMessage(Uma, "ticket VPN drops every 10 minutes"));
        (await StoredPersonalChatAsync("uma@demo.local")).UpdatedAt.ShouldBe(installed.UpdatedAt); // unchanged: no write

        var moved = activities.PersonalMessage(Uma, "status");
        moved["conversation"]!["id"] = "a:1UmaNewPersonalChat";
        await PostOkAsync(moved);
        var stored = await StoredPersonalChatAsync("uma@demo.local");
        stored.ConversationId.ShouldBe("a:1UmaNewPersonalChat");
        stored.UpdatedAt.ShouldBe(installed.UpdatedAt + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task PersonalMessage_ChatFoundStoredLately_NotReadAgainUntilItsMemoryExpires()
    {
        await PostOkAsync(activities.PersonalMessage(Uma, "status"));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Another instance stores another chat for Uma: this one trusts what it found a moment ago and does not read it again.
            var directory = scope.ServiceProvider.GetRequiredService<ITeamsDirectory>();
            var stored = (await directory.FindConversationAsync("uma@demo.local", default))!;
            await directory.SaveConversationAsync("uma@demo.local", stored with { ConversationId = "a:1UmaChatStoredElsewhere" }, default);
        }

        await PostOkAsync(activities.PersonalMessage(Uma, "status"));
        (await StoredPersonalChatAsync("uma@demo.local")).ConversationId.ShouldBe("a:1UmaChatStoredElsewhere");

        host.Time.Advance(RememberedChats.Lifetime + TimeSpan.FromSeconds(1));
        await PostOkAsync(activities.PersonalMessage(Uma, "status"));
        (await StoredPersonalChatAsync("uma@demo.local")).ConversationId.ShouldBe(Uma.PersonalConversationId);
    }

    [Fact]
    public async Task ConversationUpdate_PersonalInstallOfKnownPerson_NoSecondMemberLookup()
    {
        await PostOkAsync(activities.PersonalInstall(Uma));
        NewCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task Message_HelpInPersonalChat_AnsweredInThatChat()
    {
        await PostOkAsync(activities.PersonalMessage(Uma, "help"));

        NewCalls().ShouldBeEmpty(); // answered through the outbox, after the 200
        await host.DispatchAsync();
        var reply = NewCalls().ShouldHaveSingleItem();
        reply.ToString().ShouldBe("POST /v3/conversations/a:uma/activities");
        reply.Body!["text"]!.GetValue<string>().ShouldContain("ticket <what is wrong>");
    }

    [Fact]
    public async Task Message_TicketInPersonalChat_RaisesForTheResolvedPerson()
    {
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket VPN drops every 10 minutes"));

        var ticket = (await OpenTicketsOfAsync("uma@demo.local")).ShouldHaveSingleItem();
        ticket.Title.ShouldBe("VPN drops every 10 minutes");
        ticket.Reporter.Key.ShouldBe("uma@demo.local");
        ticket.Origin.ShouldBe("teams");
        await host.DispatchAsync();
        NewCalls().Single(c => c.Path.Contains("a:uma")).Body!["text"]!.GetValue<string>().ShouldContain($"{ticket.Key} raised");
    }

    [Fact]
    public async Task Message_ChannelMentionOfBot_MentionStrippedAndAnsweredInThread()
    {
        var activity = activities.ChannelMention(Alice, Tier1, "ticket Printer on floor 3 jams");
        var id = activity["id"]!.GetValue<string>();

        await PostOkAsync(activity);

        var ticket = (await OpenTicketsOfAsync("alice@demo.local")).ShouldHaveSingleItem();
        ticket.Title.ShouldBe("Printer on floor 3 jams");
        await host.DispatchAsync();
        var reply = NewCalls().Single(c => c.Path.EndsWith($"/activities/{id}", StringComparison.Ordinal));
        reply.ToString().ShouldBe($"POST /v3/conversations/{Tier1};messageid={id}/activities/{id}");
        reply.Body!["replyToId"]!.GetValue<string>().ShouldBe(id);
    }

    [Fact]
    public async Task Message_ChannelPostWithoutMention_Ignored()
    {
        await PostOkAsync(activities.ChannelMessage(Alice, Tier1, "ticket Printer on floor 3 jams"));

        (await OpenTicketsOfAsync("alice@demo.local")).ShouldBeEmpty();
        NewCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task Message_UnknownTextSayingWhoAndHowUrgent_RaiseCardGuessesImpactAndUrgency()
    {
        await PostOkAsync(activities.PersonalMessage(Uma, "the whole office printer is broken and we can't work"));
        await host.DispatchAsync();

        var card = NewCalls().ShouldHaveSingleItem().Card!;
        var inputs = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null).ToDictionary(e => e["id"]!.GetValue<string>());
        inputs["raise.impact"]["value"]!.GetValue<string>().ShouldBe("High");
        inputs["raise.urgency"]["value"]!.GetValue<string>().ShouldBe("High");
        inputs["raise.category"]["value"]!.GetValue<string>().ShouldBe("Hardware");
    }

    [Fact]
    public async Task Message_UnknownTextInPersonalChat_AnswersWithPrefilledRaiseCardThatRaises()
    {
        await PostOkAsync(activities.PersonalMessage(Uma, "my laptop screen flickers since this morning"));

        (await OpenTicketsOfAsync("uma@demo.local")).ShouldBeEmpty();
        await host.DispatchAsync();
        var reply = NewCalls().ShouldHaveSingleItem();
        reply.ToString().ShouldBe("POST /v3/conversations/a:uma/activities");
        reply.CardContentType.ShouldBe("application/vnd.microsoft.card.adaptive");
        CardInspection.Verbs(reply.Card).ShouldBe(["raise"]);
        var inputs = reply.Card!["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null).ToDictionary(e => e["id"]!.GetValue<string>());
        inputs["raise.title"]["value"]!.GetValue<string>().ShouldBe("my laptop screen flickers since this morning");
        inputs["raise.category"]["value"]!.GetValue<string>().ShouldBe("Hardware");
        inputs["raise.impact"]["value"]!.GetValue<string>().ShouldBe("Medium"); // nothing in the words says otherwise

        // Uma presses "Raise ticket" on that card in her 1:1 chat: the card's inputs arrive merged into the action data.
        var raise = activities.Execute(Uma, "", Uma.PersonalConversationId, "1000", "raise", 0, new JsonObject
        {
            ["raise.title"] = "Laptop screen flickers", ["raise.description"] = "since this morning", ["raise.category"] = "Hardware", ["raise.impact"] = "Low",
            ["raise.urgency"] = "Medium", ["raise.service"] = "",
        });
        MakePersonal(raise, Uma);
        raise["value"]!["action"]!["data"]!.AsObject().Remove("ticket");
        var card = await InvokeCardAsync(raise);

        var ticket = (await OpenTicketsOfAsync("uma@demo.local")).ShouldHaveSingleItem();
        ticket.Title.ShouldBe("Laptop screen flickers");
        ticket.Category.ShouldBe("Hardware");
        ticket.Impact.ShouldBe(Impact.Low);
        CardInspection.Text(card).ShouldContain(ticket.Key);
    }

    [Fact]
    public async Task Submit_ActionSubmitValueInChannel_RunsVerbAndAnswersInTheClickersOneToOneChat()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);

        await PostOkAsync(activities.Submit(Alice, Tier1, thread, root, "accept", number));

        (await TicketAsync(number)).Owner!.Key.ShouldBe("alice@demo.local");
        await host.DispatchAsync();
        var reply = NewCalls().Single(c => c.Path.Contains(Alice.PersonalConversationId));
        // Action.Submit has no private answer: the engine's answer ("You own INC-… now.") goes to Alice's 1:1 chat, not the thread.
        reply.ToString().ShouldBe($"POST /v3/conversations/{Alice.PersonalConversationId}/activities");
        reply.Body!["text"]!.GetValue<string>().ShouldContain(TicketKey.Format(number));
    }

    [Fact]
    public async Task Submit_RefusedInChannel_RefusalReachesOnlyTheClicker()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        await PostOkAsync(activities.Submit(Alice, Tier1, thread, root, "accept", number));
        await host.DispatchAsync();
        NewCalls();

        await PostOkAsync(activities.Submit(Bob, Tier1, thread, root, "resolve", number, new JsonObject { ["resolution"] = "Rebooted it" }));

        (await TicketAsync(number)).Status.ShouldBe(TicketStatus.Accepted);
        await host.DispatchAsync();
        var reply = NewCalls().ShouldHaveSingleItem();
        reply.ToString().ShouldBe($"POST /v3/conversations/{Bob.PersonalConversationId}/activities");
        reply.Body!["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Submit_ResolveWithResolutionInput_ResolvesWithThatText()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        await PostOkAsync(activities.Submit(Alice, Tier1, thread, root, "accept", number));
        await PostOkAsync(activities.Submit(Alice, Tier1, thread, root, "resolve", number, new JsonObject { ["resolution"] = "Reset the VPN profile" }));

        var ticket = await TicketAsync(number);
        ticket.Status.ShouldBe(TicketStatus.Resolved);
        ticket.Resolution.ShouldBe("Reset the VPN profile");
    }

    [Fact]
    public async Task Execute_EachVerb_BecomesItsEngineCommand()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        JsonObject Act(TeamsTestUser user, string verb, JsonObject? inputs = null) => activities.Execute(user, Tier1, thread, root, verb, number, inputs);

        await InvokeCardAsync(Act(Alice, "accept"));
        (await TicketAsync(number)).Owner!.Key.ShouldBe("alice@demo.local");

        await InvokeCardAsync(Act(Alice, "escalateManager", new JsonObject { ["escalate_manager.reason"] = "Needs budget for a new token" }));
        (await TicketAsync(number)).ManagerEngaged.ShouldBeTrue();

        await InvokeCardAsync(Act(Maria, "takeOver"));
        (await TicketAsync(number)).Owner!.Key.ShouldBe("maria@demo.local");

        await InvokeCardAsync(Act(Maria, "escalate", new JsonObject { ["escalate.tried"] = "Token reset", ["escalate.outcome"] = "No change", ["escalate.needs"] = "Desktop check" }));
        var escalated = await TicketAsync(number);
        escalated.Tier.ShouldBe(2);
        escalated.LastHandoff.ShouldBe(new HandoffNote("Token reset", "No change", "Desktop check"));

        await InvokeCardAsync(Act(Maria, "takeOver"));
        await InvokeCardAsync(Act(Maria, "resolve", new JsonObject { ["resolve.resolution"] = "New token issued" }));
        (await TicketAsync(number)).Status.ShouldBe(TicketStatus.Resolved);

        var reopen = activities.Execute(Uma, "", Uma.PersonalConversationId, "1000", "reopen", number, new JsonObject { ["reopen.reason"] = "Still drops" });
        MakePersonal(reopen, Uma);
        await InvokeCardAsync(reopen);
        var reopened = await TicketAsync(number);
        reopened.Status.ShouldNotBe(TicketStatus.Resolved);
        reopened.ReopenCount.ShouldBe(1);

        // ackPage with no page out: the engine's refusal (so the verb reached the engine), not "unknown action".
        var ack = await InvokeMessageAsync(Act(Alice, "ackPage"));
        ack.ShouldNotContain("is not something a ticket can do");
        // A verb the bot never put on a card: an error invoke response (400 with a code and a reason), not a toast.
        var (status, unknown) = await host.InvokeAsync(Act(Alice, "frobnicate"));
        status.ShouldBe(200);
        unknown!["statusCode"]!.GetValue<int>().ShouldBe(400);
        unknown["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.error");
        unknown["value"]!["code"]!.GetValue<string>().ShouldBe("UnknownVerb");
        unknown["value"]!["message"]!.GetValue<string>().ShouldContain("'frobnicate'");
    }

    [Fact]
    public async Task Invoke_UnknownName_Answers400ErrorWithReason_NothingDone()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        var activity = activities.Execute(Alice, Tier1, thread, root, "accept", number);
        activity["name"] = "application/search"; // an invoke Teams sends that this bot never registered for
        var before = host.Connector.ConnectorRequests.Count;

        var (status, body) = await host.InvokeAsync(activity);

        status.ShouldBe(200); // the invoke's own status is in the body: an outer non-2xx shows "Something went wrong"
        body!["statusCode"]!.GetValue<int>().ShouldBe(400);
        body["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.error");
        body["value"]!["code"]!.GetValue<string>().ShouldBe("UnknownInvoke");
        body["value"]!["message"]!.GetValue<string>().ShouldContain("application/search");
        (await TicketAsync(number)).Owner.ShouldBeNull();
        await host.DispatchAsync();
        host.Connector.ConnectorRequests.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Post_ActivityAsTextPlain_Answers415_NothingDone()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        var activity = activities.Submit(Alice, Tier1, thread, root, "accept", number);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + host.ValidToken());

        using var response = await host.Client.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(415);
        (await response.Content.ReadAsStringAsync()).ShouldContain("application/json");
        (await TicketAsync(number)).Owner.ShouldBeNull();
    }

    [Fact]
    public async Task ManagerAlert_ReassignForm_ManagerGivesItToAPerson_TechnicianRefused()
    {
        await PostOkAsync(activities.ChannelInstall(RunningTeamsHost.ManagerChannel, Maria));
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        await InvokeCardAsync(activities.Execute(Alice, Tier1, thread, root, "accept", number));
        await InvokeCardAsync(activities.Execute(Alice, Tier1, thread, root, "escalateManager", number, new JsonObject { ["escalate_manager.reason"] = "Needs Tier 2 rights" }));
        NewCalls();
        await host.DispatchAsync();

        var alert = NewCalls().Single(c => c.Method == "POST" && c.Path == "/v3/conversations" && c.BodyText.Contains(RunningTeamsHost.ManagerChannel));
        var form = alert.Card!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == "Reassign")!["card"]!;
        var owners = form["body"]![1]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()).ToList();
        owners.ShouldContain("carol@demo.local");
        owners.ShouldNotContain("uma@demo.local");
        form["actions"]![0]!["verb"]!.GetValue<string>().ShouldBe("reassign");
        var (managerThread, managerRoot) = host.Simulator.LastPostIn(RunningTeamsHost.ManagerChannel);

        var refused = await InvokeMessageAsync(activities.Execute(Alice, RunningTeamsHost.ManagerChannel, managerThread, managerRoot, "reassign", number,
            new JsonObject { ["reassign.tier"] = "3", ["reassign.owner"] = "", ["reassign.reason"] = "Let infra have it" }));
        refused.ShouldContain("Only a manager can reassign");
        (await TicketAsync(number)).Tier.ShouldBe(1);

        await InvokeCardAsync(activities.Execute(Maria, RunningTeamsHost.ManagerChannel, managerThread, managerRoot, "reassign", number,
            new JsonObject { ["reassign.tier"] = "", ["reassign.owner"] = "carol@demo.local", ["reassign.reason"] = "Carol has the rights" }));
        var moved = await TicketAsync(number);
        moved.Owner!.Key.ShouldBe("carol@demo.local");
        moved.Owner.Name.ShouldBe("Carol (Tier 2)");
        moved.Tier.ShouldBe(2);
    }

    [Fact]
    public async Task Execute_HandoffNoteMissing_RefusedAsToastTicketUnchanged()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        await InvokeCardAsync(activities.Execute(Alice, Tier1, thread, root, "accept", number));

        var message = await InvokeMessageAsync(activities.Execute(Alice, Tier1, thread, root, "escalate", number, new JsonObject { ["tried"] = "  " }));

        message.ShouldNotBeNullOrWhiteSpace();
        (await TicketAsync(number)).Tier.ShouldBe(1);
    }

    [Fact]
    public async Task Refresh_Automatic_ViewerSpecificCardNoEffect()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);

        var forAlice = await InvokeCardAsync(activities.Refresh(Alice, Tier1, thread, root, number));
        var forUma = await InvokeCardAsync(activities.Refresh(Uma, Tier1, thread, root, number));

        CardInspection.Verbs(forAlice).ShouldContain("accept");
        CardInspection.Verbs(forUma).ShouldNotContain("accept");
        forAlice["refresh"]!["userIds"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe([Alice.UserId]);
        forAlice["refresh"]!["action"]!["verb"]!.GetValue<string>().ShouldBe("refreshCard");
        (await TicketAsync(number)).Owner.ShouldBeNull();
        await host.DispatchAsync();
        NewCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task Refresh_RefreshVerbClickedByHand_AnsweredWithCardNotUnknownAction()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        var manual = activities.Refresh(Alice, Tier1, thread, root, number);
        manual["value"]!["trigger"] = "manual";

        CardInspection.Verbs(await InvokeCardAsync(manual)).ShouldContain("accept");
    }

    [Fact]
    public async Task Refresh_UnknownTicket_InnerErrorNotCard()
    {
        var (status, body) = await host.InvokeAsync(activities.Refresh(Alice, Tier1, Tier1 + ";messageid=1", "1", 999));

        status.ShouldBe(200);
        body!["statusCode"]!.GetValue<int>().ShouldBe(404);
        body["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.error");
    }

    [Fact]
    public async Task DuplicateActivityId_MessageDeliveredTwice_OneTicketOneReply()
    {
        var activity = activities.PersonalMessage(Uma, "ticket Outlook will not open");

        await PostOkAsync(activity);
        await PostOkAsync(activity);
        await host.DispatchAsync();

        (await OpenTicketsOfAsync("uma@demo.local")).Count.ShouldBe(1);
        NewCalls().Count(c => c.Path.Contains("a:uma")).ShouldBe(1);
    }

    [Fact]
    public async Task Message_AnswerRefusedByConnector_Still200AndTheTicketStands_RedeliveryDoesNotRaiseTwice()
    {
        var activity = activities.PersonalMessage(Uma, "ticket Outlook will not open");
        host.Connector.Enqueue(new ScriptedResponse(403, """{"error":{"code":"BotNotInConversationRoster","message":"no"}}"""));

        await PostOkAsync(activity); // the raise and its answer are saved; a delivery the Connector refuses is parked, the ticket stands
        await host.DispatchAsync();
        await PostOkAsync(activity);

        (await OpenTicketsOfAsync("uma@demo.local")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task DuplicateActivityId_InvokeDeliveredTwice_OneAcceptSecondAnsweredWithTheCardAsItIsNow()
    {
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        var accept = activities.Execute(Alice, Tier1, thread, root, "accept", number);

        var first = await InvokeCardAsync(accept);
        var second = await InvokeCardAsync(accept); // Teams resends an invoke whose answer it did not get: the clicker sees the card

        CardInspection.Text(second).ShouldContain("Alice");
        CardInspection.Verbs(second).ShouldBe(CardInspection.Verbs(first));
        var ticket = await TicketAsync(number);
        ticket.Owner!.Key.ShouldBe("alice@demo.local");
        await using var scope = host.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().EventsAsync(number);
        events.Count(e => e.Kind == EventKind.Accepted).ShouldBe(1);
    }

    [Fact]
    public async Task DuplicateActivityId_MessageRedeliveredAfterTheReceiptWasForgotten_OneTicketOneReply_NoNumberSkipped()
    {
        await RestartForgetfulAsync();
        var outlook = activities.PersonalMessage(Uma, "ticket Outlook will not open");

        await PostOkAsync(outlook);
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket Printer jams")); // this process now remembers only that one
        await PostOkAsync(outlook); // Teams resends: not in memory, so the receipt's primary key at the commit finds it
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket Teams crashes on start"));
        await host.DispatchAsync();

        var open = await OpenTicketsOfAsync("uma@demo.local");
        open.Select(t => t.Title).ShouldBe(["Outlook will not open", "Printer jams", "Teams crashes on start"]);
        open.Select(t => t.Number - open[0].Number).ShouldBe([0, 1, 2]); // the repeat's number was given back
        NewCalls().Count(c => c.Path.Contains("a:uma")).ShouldBe(3);
    }

    [Fact]
    public async Task DuplicateActivityId_InvokeRedeliveredAfterTheReceiptWasForgotten_OneAccept_AnsweredWithTheCardAsItIsNow()
    {
        await RestartForgetfulAsync();
        var number = await RaiseAsync();
        var (thread, root) = host.Simulator.LastPostIn(Tier1);
        var accept = activities.Execute(Alice, Tier1, thread, root, "accept", number);

        var first = await InvokeCardAsync(accept);
        await PostOkAsync(activities.PersonalMessage(Bob, "help")); // this process now remembers only that one
        var second = await InvokeCardAsync(accept);

        CardInspection.Text(second).ShouldContain("Alice");
        CardInspection.Verbs(second).ShouldBe(CardInspection.Verbs(first));
        await using var scope = host.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().EventsAsync(number);
        events.Count(e => e.Kind == EventKind.Accepted).ShouldBe(1);
    }

    /// <summary>A fresh host whose memory of handled requests holds one receipt, as after a restart or an eviction.</summary>
    private async Task RestartForgetfulAsync()
    {
        await host.DisposeAsync();
        await StartHostAsync(services => services.AddSingleton(new ChatEscalation.Persistence.Storage.RecentReceipts(capacity: 1)));
    }

    /// <summary>Uma raises a ticket from her 1:1 chat and the outbox posts it to the Tier 1 channel; returns its number.</summary>
    private async Task<long> RaiseAsync()
    {
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket VPN drops every 10 minutes"));
        await host.DispatchAsync();
        var calls = NewCalls();
        // The answer, then the card the knowledge step held until it had searched (nothing to suggest here).
        calls.Select(c => c.ToString()).ShouldBe(["POST /v3/conversations/a:uma/activities", "POST /v3/conversations"]);
        return long.Parse(Regex.Match(calls[0].Body!["text"]!.GetValue<string>(), @"INC-(\d+)").Groups[1].Value);
    }

    private static void MakePersonal(JsonObject activity, TeamsTestUser user)
    {
        activity["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = RunningTeamsHost.TenantId, ["id"] = user.PersonalConversationId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = RunningTeamsHost.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } };
    }

    private async Task<Ticket> TicketAsync(long number)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().GetAsync(number)).ShouldNotBeNull();
    }

    private async Task<IReadOnlyList<Ticket>> OpenTicketsOfAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().ListOpenForAsync(new UserRef(email, email));
    }

    private async Task<ChatEscalation.Persistence.Rows.ConversationReferenceRow> StoredPersonalChatAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ChatEscalation.Persistence.Storage.ChatDirectory>().FindConversationAsync("teams", email))!;
    }

    private async Task PostOkAsync(JsonObject activity)
    {
        using var response = await host.PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> InvokeCardAsync(JsonObject activity)
    {
        var (status, body) = await host.InvokeAsync(activity);
        status.ShouldBe(200);
        body!["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive", body.ToJsonString());
        body["statusCode"]!.GetValue<int>().ShouldBe(200);
        return body["value"]!.AsObject();
    }

    private async Task<string> InvokeMessageAsync(JsonObject activity)
    {
        var (status, body) = await host.InvokeAsync(activity);
        status.ShouldBe(200);
        body!["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.activity.message", body.ToJsonString());
        return body["value"]!.GetValue<string>();
    }

    private List<ConnectorCall> NewCalls()
    {
        var all = host.Connector.ConnectorRequests;
        var fresh = all.Skip(seen).Select(ConnectorCall.From).ToList();
        seen = all.Count;
        return fresh;
    }
}
