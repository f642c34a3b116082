using System.Net;
using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>The tenant rule (issue 11): a validly signed activity from a tenant other than <c>Teams:TenantId</c> gets 403 and does nothing.</summary>
public sealed class TeamsTenantTests
{
    [Fact]
    public async Task Post_ActivityOfOwnTenant_Answers200()
    {
        await using var host = await StartAsync();

        (await host.PostAsync(host.MessageActivity(tenantId: "tenant-1"), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Handler.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Post_ActivityOfForeignTenant_Answers403AndReachesNothing()
    {
        await using var host = await StartAsync();

        var response = await host.PostAsync(host.MessageActivity(tenantId: "tenant-evil"), host.ValidToken());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("tenant");
        host.Handler.Received.ShouldBeEmpty();
        host.Connector.ConnectorRequests.ShouldBeEmpty();
        host.Connector.TokenRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_TenantIdDiffersOnlyInCase_Answers200()
    {
        await using var host = await StartAsync();

        (await host.PostAsync(host.MessageActivity(tenantId: "TENANT-1"), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_TenantInAllowedTenantIdsList_Answers200()
    {
        await using var host = await StartAsync(new() { ["Teams:AllowedTenantIds:0"] = "tenant-2", ["Teams:AllowedTenantIds:1"] = "tenant-3" });

        (await host.PostAsync(host.MessageActivity(tenantId: "tenant-3"), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostAsync(host.MessageActivity(tenantId: "tenant-1"), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostAsync(host.MessageActivity(tenantId: "tenant-4"), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        host.Handler.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Post_ChannelDataTenantDiffersFromConversationTenant_Answers403()
    {
        await using var host = await StartAsync();
        var activity = host.MessageActivity(tenantId: "tenant-1");
        activity["conversation"]!["tenantId"] = "tenant-evil";

        (await host.PostAsync(activity, host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        host.Handler.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_ActivityNamingNoTenant_Answers403()
    {
        await using var host = await StartAsync();
        var activity = host.MessageActivity();
        activity.Remove("channelData");
        ((JsonObject)activity["conversation"]!).Remove("tenantId");

        (await host.PostAsync(activity, host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_NoTenantConfigured_AnyTenantServed()
    {
        await using var host = await TeamsTestHost.StartAsync();

        (await host.PostAsync(host.MessageActivity(tenantId: "tenant-elsewhere"), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static Task<TeamsTestHost> StartAsync(Dictionary<string, string?>? more = null) =>
        TeamsTestHost.StartAsync(settings: (_, _) => new Dictionary<string, string?>(more ?? []) { ["Teams:TenantId"] = "tenant-1" });
}
