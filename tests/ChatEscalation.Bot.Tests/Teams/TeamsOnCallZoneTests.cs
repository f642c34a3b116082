using System.Net;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>Issue 14: <c>oncall &lt;tier&gt;</c> in Teams answers in the sender's <c>localTimezone</c>, through the running host and the Connector double.</summary>
public sealed class TeamsOnCallZoneTests : IAsyncLifetime
{
    private RunningTeamsHost host = null!;

    public async Task InitializeAsync() => host = await RunningTeamsHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task OnCall_LocalTimezoneOnActivity_AnswerInThatZone()
    {
        var activities = new TeamsActivities(host);
        (await host.PostAsync(activities.PersonalInstall(TeamsTestUser.Uma))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = activities.PersonalMessage(TeamsTestUser.Uma, "oncall infrastructure");
        message["localTimezone"] = "America/Los_Angeles";
        message["localTimestamp"] = "2026-03-10T03:00:00-07:00";

        (await host.PostAsync(message)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await host.DispatchAsync();

        var reply = host.Connector.ConnectorRequests.Select(ConnectorCall.From)
            .Last(c => c.ToString() == $"POST /v3/conversations/{TeamsTestUser.Uma.PersonalConversationId}/activities");
        var text = reply.Body!["text"]!.GetValue<string>();
        text.ShouldContain("(times in Los Angeles time):");
        text.ShouldContain("Tier 3 – Infrastructure");
        text.ShouldNotContain("Tier 1");
    }
}
