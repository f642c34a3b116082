using System.Net;
using ChatEscalation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>Issue 11's finding, against the running host: a validly signed "ticket …" from another tenant raised a ticket. Now it gets 403.</summary>
public sealed class TeamsForeignTenantEndToEndTests : IAsyncLifetime
{
    private RunningTeamsHost host = null!;

    public async Task InitializeAsync() => host = await RunningTeamsHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Post_TicketFromForeignTenant_403AndNoTicketNoOutboxNoConnectorCall()
    {
        var activity = new TeamsActivities(host).PersonalMessage(TeamsTestUser.Uma, "ticket VPN drops every 10 minutes");
        activity["conversation"]!["tenantId"] = "tenant-evil";
        activity["channelData"]!["tenant"]!["id"] = "tenant-evil";

        using var response = await host.PostAsync(activity);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await host.DispatchAsync();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EscalationDbContext>();
        (await db.Tickets.CountAsync()).ShouldBe(0);
        (await db.OutboxMessages.CountAsync()).ShouldBe(0);
        host.Connector.ConnectorRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_TicketFromOwnTenant_RaisesTicket()
    {
        using var response = await host.PostAsync(new TeamsActivities(host).PersonalMessage(TeamsTestUser.Uma, "ticket VPN drops every 10 minutes"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var scope = host.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<EscalationDbContext>().Tickets.CountAsync()).ShouldBe(1);
    }
}
