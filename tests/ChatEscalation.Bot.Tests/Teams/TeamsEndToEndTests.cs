using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// The issue's "done when", against the running host (<see cref="RunningTeamsHost"/>): signed activities in, every Connector call out
/// counted and checked, path by path.
/// </summary>
public sealed class TeamsEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    private static readonly TeamsTestUser Uma = TeamsTestUser.Uma, Alice = TeamsTestUser.Alice, Bob = TeamsTestUser.Bob, Carol = TeamsTestUser.Carol;
    private static readonly string Tier1 = RunningTeamsHost.TierChannel(1), Tier2 = RunningTeamsHost.TierChannel(2);
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;
    private int seen;

    public async Task InitializeAsync()
    {
        host = await RunningTeamsHost.StartAsync();
        activities = new TeamsActivities(host);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task TicketLife_SignedActivitiesThroughRunningHost_EveryConnectorCallAsserted()
    {
        // Installation: the bot added to the four tier channels and the manager channel (no Connector call), and to five people's
        // personal scope (one member lookup each: aadObjectId → e-mail, cached from then on).
        foreach (var channel in new[] { Tier1, Tier2, RunningTeamsHost.TierChannel(3), RunningTeamsHost.TierChannel(4), RunningTeamsHost.ManagerChannel })
            await PostOkAsync(activities.ChannelInstall(channel, TeamsTestUser.Maria));
        foreach (var user in new[] { Uma, Alice, Bob, Carol, TeamsTestUser.Maria }) await PostOkAsync(activities.PersonalInstall(user));
        Paths(NewCalls("installs")).ShouldBe(new[] { Uma, Alice, Bob, Carol, TeamsTestUser.Maria }
            .Select(u => $"GET /v3/conversations/{u.PersonalConversationId}/members/{u.UserId}"));

        // Uma raises from her 1:1 chat: nothing is sent while the request is answered; the raise, its queue card and her answer
        // are committed together and the outbox delivers them.
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket VPN drops every 10 minutes"));
        NewCalls("raise").ShouldBeEmpty();

        // Outbox: the Tier 1 queue card, posted proactively as a new conversation in the Tier 1 channel, then the answer (with her
        // ticket's card) back into her chat. Uma is not pinged about her own action.
        await host.DispatchAsync();
        var afterRaise = NewCalls("dispatch after raise");
        afterRaise.Count.ShouldBe(2);
        var raised = afterRaise[1];
        raised.ToString().ShouldBe("POST /v3/conversations/a:uma/activities");
        raised.Body!["text"]!.GetValue<string>().ShouldContain("raised");
        raised.CardContentType.ShouldBe(AdaptiveCard);
        var number = long.Parse(Regex.Match(raised.Body["text"]!.GetValue<string>(), @"INC-(\d+)").Groups[1].Value);
        CardInspection.Text(raised.Card).ShouldContain("VPN drops every 10 minutes");
        // Uma's copy is the reporter's: her own actions only (no accept), no refresh that could bring a technician's buttons back.
        CardInspection.Verbs(raised.Card).ShouldBe(["note", "cancel", "escalateManager"]);
        raised.Card!["refresh"].ShouldBeNull();
        var umasCopy = host.Simulator.LastActivityIn(Uma.PersonalConversationId);
        var tier1Post = afterRaise[0];
        tier1Post.ToString().ShouldBe("POST /v3/conversations");
        tier1Post.Body!["isGroup"]!.GetValue<bool>().ShouldBeTrue();
        tier1Post.Body["channelData"]!["channel"]!["id"]!.GetValue<string>().ShouldBe(Tier1);
        tier1Post.Body["tenantId"]!.GetValue<string>().ShouldBe(RunningTeamsHost.TenantId);
        tier1Post.CardContentType.ShouldBe(AdaptiveCard);
        tier1Post.Card!["version"]!.GetValue<string>().ShouldBe("1.5");
        CardInspection.Verbs(tier1Post.Card).ShouldContain("accept");
        var (t1Thread, t1Card) = host.Simulator.LastPostIn(Tier1);

        // Alice accepts on the card: outer 200, inner 200 with her refreshed card (no accept any more; escalate and resolve offered).
        var accept = await InvokeOkAsync(activities.Execute(Alice, Tier1, t1Thread, t1Card, "accept", number));
        CardInspection.Verbs(accept).ShouldNotContain("accept");
        CardInspection.Verbs(accept).ShouldContain("escalate");
        CardInspection.Verbs(accept).ShouldContain("resolve");
        NewCalls("accept invoke").ShouldBeEmpty();

        await host.DispatchAsync();
        var afterAccept = NewCalls("dispatch after accept");
        Paths(afterAccept).ShouldBe([
            $"PUT /v3/conversations/{t1Thread}/activities/{t1Card}",
            $"POST /v3/conversations/{t1Thread}/activities/{t1Card}",
            "POST /v3/conversations/a:uma/activities",
            $"PUT /v3/conversations/a:uma/activities/{umasCopy}",
        ]);
        CardInspection.Text(afterAccept[3].Card).ShouldContain("In progress with Alice (Tier 1)");
        CardInspection.Verbs(afterAccept[3].Card).ShouldBe(["note", "cancel", "escalateManager"]);
        afterAccept[0].Body!["id"]!.GetValue<string>().ShouldBe(t1Card);
        CardInspection.Text(afterAccept[0].Card).ShouldContain("Alice (Tier 1)");
        CardInspection.Verbs(afterAccept[0].Card).ShouldNotContain("accept");
        afterAccept[1].Body!["replyToId"]!.GetValue<string>().ShouldBe(t1Card);
        afterAccept[1].Body!["text"]!.GetValue<string>().ShouldContain("Accepted by Alice");
        afterAccept[2].Body!["text"]!.GetValue<string>().ShouldContain("Alice (Tier 1)");
        afterAccept[2].Body!["text"]!.GetValue<string>().ShouldContain("now owns your ticket");

        // Alice escalates with the handoff note typed into the card's inputs (tried / outcome / needs).
        var escalate = await InvokeOkAsync(activities.Execute(Alice, Tier1, t1Thread, t1Card, "escalate", number, new JsonObject
        {
            ["tried"] = "Reinstalled the VPN client",
            ["outcome"] = "Still drops every 10 minutes",
            ["needs"] = "Check the VPN concentrator logs",
        }));
        CardInspection.Text(escalate).ShouldContain("Reinstalled the VPN client");
        CardInspection.Verbs(escalate).ShouldNotContain("resolve");
        NewCalls("escalate invoke").ShouldBeEmpty();

        await host.DispatchAsync();
        var afterEscalate = NewCalls("dispatch after escalate");
        Paths(afterEscalate).ShouldBe([
            $"POST /v3/conversations/{t1Thread}/activities/{t1Card}",
            $"PUT /v3/conversations/{t1Thread}/activities/{t1Card}",
            "POST /v3/conversations",
            "POST /v3/conversations/a:uma/activities",
            $"PUT /v3/conversations/a:uma/activities/{umasCopy}",
        ]);
        afterEscalate[0].Body!["text"]!.GetValue<string>().ShouldContain("Escalated by Alice");
        CardInspection.Verbs(afterEscalate[1].Card).ShouldBeEmpty(); // left behind: no buttons, and no refresh to bring them back
        afterEscalate[1].Card!["refresh"].ShouldBeNull();
        CardInspection.Text(afterEscalate[1].Card).ShouldContain("2 · Tier 2 – Desktop & Apps"); // the old queue's card now shows where it went
        afterEscalate[2].Body!["channelData"]!["channel"]!["id"]!.GetValue<string>().ShouldBe(Tier2);
        var tier2Card = CardInspection.Text(afterEscalate[2].Card);
        tier2Card.ShouldContain("Reinstalled the VPN client");
        tier2Card.ShouldContain("Still drops every 10 minutes");
        tier2Card.ShouldContain("Check the VPN concentrator logs");
        CardInspection.Verbs(afterEscalate[2].Card).ShouldContain("accept");
        afterEscalate[3].Body!["text"]!.GetValue<string>().ShouldContain("Tier 2");
        var (t2Thread, t2Card) = host.Simulator.LastPostIn(Tier2);

        // Carol accepts the Tier 2 card.
        CardInspection.Verbs(await InvokeOkAsync(activities.Execute(Carol, Tier2, t2Thread, t2Card, "accept", number))).ShouldContain("resolve");
        await host.DispatchAsync();
        var afterCarol = NewCalls("dispatch after Carol accepts");
        Paths(afterCarol).ShouldBe([
            $"PUT /v3/conversations/{t2Thread}/activities/{t2Card}",
            $"POST /v3/conversations/{t2Thread}/activities/{t2Card}",
            "POST /v3/conversations/a:uma/activities",
            $"PUT /v3/conversations/a:uma/activities/{umasCopy}",
            $"PUT /v3/conversations/{t1Thread}/activities/{t1Card}",
        ]);
        afterCarol[2].Body!["text"]!.GetValue<string>().ShouldContain("Carol (Tier 2)");
        CardInspection.Text(afterCarol[4].Card).ShouldContain("Moved to Tier 2 – Desktop & Apps: In progress with Carol (Tier 2)"); // Tier 1's copy follows

        // Bob (Tier 1) tries to resolve Carol's ticket: a toast with the engine's refusal, the card unchanged, nothing sent.
        var (status, refusal) = await host.InvokeAsync(activities.Execute(Bob, Tier2, t2Thread, t2Card, "resolve", number, new JsonObject { ["resolution"] = "Rebooted" }));
        status.ShouldBe(200);
        refusal!["statusCode"]!.GetValue<int>().ShouldBe(200);
        refusal["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.activity.message");
        refusal["value"]!.GetValue<string>().ShouldContain("Only the owner");
        await host.DispatchAsync();
        NewCalls("Bob's refused resolve").ShouldBeEmpty();

        // Carol resolves with the resolution from the card.
        var resolved = await InvokeOkAsync(activities.Execute(Carol, Tier2, t2Thread, t2Card, "resolve", number, new JsonObject { ["resolution"] = "Replaced the VPN profile" }));
        CardInspection.Text(resolved).ShouldContain("Replaced the VPN profile");
        CardInspection.Verbs(resolved).ShouldNotContain("resolve");
        await host.DispatchAsync();
        var afterResolve = NewCalls("dispatch after resolve");
        Paths(afterResolve).ShouldBe([
            $"PUT /v3/conversations/{t2Thread}/activities/{t2Card}",
            $"POST /v3/conversations/{t2Thread}/activities/{t2Card}",
            "POST /v3/conversations/a:uma/activities",
            $"PUT /v3/conversations/a:uma/activities/{umasCopy}",
            $"PUT /v3/conversations/{t1Thread}/activities/{t1Card}",
        ]);
        CardInspection.Text(afterResolve[0].Card).ShouldContain("Replaced the VPN profile");
        afterResolve[1].Body!["text"]!.GetValue<string>().ShouldContain("Resolved by Carol");
        afterResolve[2].Body!["text"]!.GetValue<string>().ShouldContain("Replaced the VPN profile");
        // Every copy follows: Uma's shows the resolution with only Reopen; Tier 1's says how it ended, without Accept or a Tier 1 status.
        CardInspection.Verbs(afterResolve[3].Card).ShouldBe(["reopen"]);
        CardInspection.Text(afterResolve[3].Card).ShouldContain("Resolved by Carol (Tier 2)");
        CardInspection.Verbs(afterResolve[4].Card).ShouldBeEmpty();
        CardInspection.Text(afterResolve[4].Card).ShouldContain("At Tier 2 – Desktop & Apps: Resolved by Carol (Tier 2)");
        CardInspection.Text(afterResolve[4].Card).ShouldNotContain("Nobody owns it yet");

        // The whole life: 5 member lookups + 1 chat answer + 1 + 4 + 5 + 5 + 0 + 5 outbox sends = 26 calls, all with the one cached token.
        var all = host.Connector.ConnectorRequests;
        all.Count.ShouldBe(26);
        host.Connector.TokenRequests.Count.ShouldBe(1);
        host.Connector.TokenRequests[0].Body.ShouldContain("grant_type=client_credentials");
        host.Connector.TokenRequests[0].Body.ShouldContain("scope=https%3A%2F%2Fapi.botframework.com%2F.default");
        all.ShouldAllBe(r => r.Authorization == "Bearer token-1");
    }

    [Fact]
    public async Task PostActivity_ForgedOrExpiredToken_401WithNoEffectAndNoConnectorCall()
    {
        await PostOkAsync(activities.PersonalInstall(Uma));
        NewCalls("install").Count.ShouldBe(1);
        var now = host.Time.GetUtcNow();
        var forgedKey = LocalBotFrameworkIssuer.CreateUnpublishedKey(LocalBotFrameworkIssuer.DefaultKeyId);
        var forged = host.Issuer.MintToken(RunningTeamsHost.AppId, host.Connector.ServiceUrl, now, signingKey: forgedKey);
        var expired = host.Issuer.MintToken(RunningTeamsHost.AppId, host.Connector.ServiceUrl, now, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6));

        foreach (var (name, token) in new[] { ("forged", forged), ("expired", expired) })
        {
            using var response = await host.PostAsync(activities.PersonalMessage(Uma, "ticket Forged request"), token);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, name);
            (await response.Content.ReadAsStringAsync()).ShouldBeEmpty(name);
        }

        await host.DispatchAsync();
        NewCalls("forged and expired").ShouldBeEmpty();

        // Control: the same message with a genuine token is answered (so the 401s above were the tokens' doing).
        await PostOkAsync(activities.PersonalMessage(Uma, "ticket Forged request"));
        await host.DispatchAsync();
        NewCalls("genuine").ShouldContain(c => c.ToString() == "POST /v3/conversations/a:uma/activities");
    }

    private async Task PostOkAsync(JsonObject activity)
    {
        using var response = await host.PostAsync(activity);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts an invoke, expects outer 200 and inner 200 with an Adaptive Card, and returns the card.</summary>
    private async Task<JsonObject> InvokeOkAsync(JsonObject activity)
    {
        var (status, body) = await host.InvokeAsync(activity);
        status.ShouldBe(200);
        body.ShouldNotBeNull();
        body["statusCode"]!.GetValue<int>().ShouldBe(200, body.ToJsonString());
        body["type"]!.GetValue<string>().ShouldBe(AdaptiveCard, body.ToJsonString());
        var card = body["value"]!.AsObject();
        card["type"]!.GetValue<string>().ShouldBe("AdaptiveCard");
        return card;
    }

    private static List<string> Paths(IEnumerable<ConnectorCall> calls) => calls.Select(c => c.ToString()).ToList();

    /// <summary>The Connector calls made since the previous call of this method, logged to the test output.</summary>
    private List<ConnectorCall> NewCalls(string step)
    {
        var all = host.Connector.ConnectorRequests;
        var fresh = all.Skip(seen).Select(ConnectorCall.From).ToList();
        seen = all.Count;
        output.WriteLine($"--- {step}: {fresh.Count} Connector call(s)");
        foreach (var c in fresh) output.WriteLine($"    {c}");
        return fresh;
    }
}
