using System.Net;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Teams.Cards;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Issue 14, the Teams personal <c>home</c>, through the running host and the Connector double: the command is answered with one
/// Adaptive Card of the person's home; its Refresh and Accept buttons answer the invoke with the home rebuilt (the card updated in
/// place, no new message).
/// </summary>
public sealed partial class TeamsHomeTests : IAsyncLifetime
{
    private static readonly TeamsTestUser Uma = TeamsTestUser.Uma, Alice = TeamsTestUser.Alice;
    private RunningTeamsHost host = null!;
    private TeamsActivities activities = null!;

    public async Task InitializeAsync()
    {
        host = await RunningTeamsHost.StartAsync(new Dictionary<string, string?> { ["Knowledge:AtIntake"] = "false" });
        activities = new TeamsActivities(host);
        foreach (var user in new[] { Uma, Alice }) (await host.PostAsync(activities.PersonalInstall(user))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Home_TypedInThePersonalChat_AnsweredWithOneHomeCard()
    {
        await SayAsync(Uma, "ticket Printer on floor 3 jams");
        var before = host.Connector.ConnectorRequests.Count;

        await SayAsync(Alice, "home");

        var posts = Posts(before, Alice).ToList();
        var card = posts.ShouldHaveSingleItem().Card.ShouldNotBeNull();
        var text = string.Join("\n", Descendants(card).Select(o => o["text"]?.GetValue<string>()).Where(t => t is not null));
        text.ShouldContain("Tier 1 – Service Desk: waiting for a technician");
        text.ShouldContain("Printer on floor 3 jams");
        var accept = Executes(card).Single(a => a["verb"]!.GetValue<string>() == "accept");
        accept["data"]!["home"]!.GetValue<bool>().ShouldBeTrue();
        accept["data"]!["ticket"]!.GetValue<long>().ShouldBe(1);
        Executes(card).ShouldContain(a => a["verb"]!.GetValue<string>() == TeamsHomeCard.RefreshVerb);
        card["refresh"]!["userIds"]!.AsArray().Select(u => u!.GetValue<string>()).ShouldBe([Alice.UserId]);
    }

    [Fact]
    public async Task Home_RefreshButton_InvokeAnsweredWithTheHomeInPlace()
    {
        await SayAsync(Alice, "home");
        await SayAsync(Uma, "ticket VPN drops every 10 minutes");
        var before = host.Connector.ConnectorRequests.Count;

        var (status, body) = await host.InvokeAsync(HomeInvoke(TeamsHomeCard.RefreshVerb, null));

        status.ShouldBe(200);
        body!["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        Descendants(body["value"]).ShouldContain(o => (o["text"] == null ? "" : o["text"]!.GetValue<string>()).Contains("VPN drops every 10 minutes"));
        host.Connector.ConnectorRequests.Count.ShouldBe(before); // the invoke answer replaces the card: nothing new is posted
    }

    [Fact]
    public async Task Home_AcceptOnTheCard_AcceptedAndTheHomeRebuiltInPlace()
    {
        await SayAsync(Uma, "ticket Printer on floor 3 jams");
        await SayAsync(Alice, "home");

        var (status, body) = await host.InvokeAsync(HomeInvoke("accept", 1));

        status.ShouldBe(200);
        body!["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.card.adaptive");
        var card = body["value"]!.AsObject();
        string.Join("\n", Descendants(card).Select(o => o["text"]?.GetValue<string>())).ShouldContain("In progress with Alice");
        Executes(card).ShouldNotContain(a => a["verb"]!.GetValue<string>() == "accept");
        var (_, again) = await host.InvokeAsync(HomeInvoke("accept", 1, TeamsTestUser.Bob)); // Bob's click after Alice's: the engine's refusal, as a message
        again!["type"]!.GetValue<string>().ShouldBe("application/vnd.microsoft.activity.message");
    }

    private JsonObject HomeInvoke(string verb, long? ticket, TeamsTestUser? user = null)
    {
        var who = user ?? Alice;
        var invoke = activities.Execute(who, RunningTeamsHost.TierChannel(1), who.PersonalConversationId, "1700000000001", verb, ticket ?? 0);
        var data = invoke["value"]!["action"]!["data"]!.AsObject();
        if (ticket is null) data.Remove("ticket");
        data["home"] = true;
        return invoke;
    }

    private async Task SayAsync(TeamsTestUser user, string text)
    {
        (await host.PostAsync(activities.PersonalMessage(user, text))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.DispatchAsync();
    }

    private IEnumerable<ConnectorCall> Posts(int after, TeamsTestUser user) => host.Connector.ConnectorRequests.Skip(after).Select(ConnectorCall.From)
        .Where(c => c.ToString() == $"POST /v3/conversations/{user.PersonalConversationId}/activities");

    private static List<JsonObject> Executes(JsonNode card) => Descendants(card).Where(o => o["type"]?.GetValue<string>() == "Action.Execute").ToList();

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Descendants(p.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
