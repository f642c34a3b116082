using System.Net;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// Both issuers of today's Microsoft identity at <c>/api/messages</c>: Bot Service tokens as before, and Entra-issued tokens (v1 and
/// v2 issuers) checked against their tenant's own metadata, with the tenant checked and no endorsement or serviceurl requirement.
/// </summary>
public sealed class TeamsEntraTokenTests : IAsyncLifetime
{
    private const string Tenant = "tenant-1";
    private TeamsTestHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync(acceptEntra: true);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_EntraTokenOfOwnTenant_AcceptedWithoutServiceUrlClaim(bool v2)
    {
        var token = host.Issuer.MintEntraToken(TeamsTestHost.AppId, Tenant, host.Time.GetUtcNow(), v2);

        (await host.PostAsync(host.MessageActivity(), token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Handler.Received.Count.ShouldBe(1);
        host.Issuer.EntraJwksHits.ShouldBe(1);
        host.Issuer.JwksHits.ShouldBe(0);
    }

    [Fact]
    public async Task Post_BotServiceTokenNextToEntra_StillAccepted()
    {
        (await host.PostAsync(host.MessageActivity(), host.ValidToken())).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Issuer.JwksHits.ShouldBe(1);
        host.Issuer.EntraJwksHits.ShouldBe(0);
    }

    [Fact]
    public async Task Post_EntraTokenOfOtherTenant_RefusedWithoutFetchingKeys()
    {
        var token = host.Issuer.MintEntraToken(TeamsTestHost.AppId, "tenant-9", host.Time.GetUtcNow());

        await AssertRefusedAsync(token);
        host.Issuer.EntraJwksHits.ShouldBe(0);
    }

    [Fact]
    public async Task Post_EntraTokenWhoseTidIsNotItsIssuersTenant_Refused() =>
        await AssertRefusedAsync(host.Issuer.MintEntraToken(TeamsTestHost.AppId, Tenant, host.Time.GetUtcNow(), tidClaim: "tenant-9"));

    [Fact]
    public async Task Post_EntraTokenForAnotherAudience_Refused() =>
        await AssertRefusedAsync(host.Issuer.MintEntraToken("99999999-0000-0000-0000-000000000000", Tenant, host.Time.GetUtcNow()));

    [Fact]
    public async Task Post_EntraIssuerSignedWithBotServiceKey_RefusedBecauseEachIssuerHasItsOwnKeys() =>
        await AssertRefusedAsync(host.Issuer.MintEntraToken(TeamsTestHost.AppId, Tenant, host.Time.GetUtcNow(), signingKey: host.Issuer.Key()));

    [Fact]
    public async Task Post_BotServiceIssuerSignedWithEntraKey_Refused() =>
        await AssertRefusedAsync(host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, host.Time.GetUtcNow(), signingKey: host.Issuer.EntraKey));

    [Fact]
    public async Task Post_EntraTokenWhenEntraTokensAreOff_Refused()
    {
        await using var off = await StartAsync(acceptEntra: false);
        var response = await off.PostAsync(off.MessageActivity(), off.Issuer.MintEntraToken(TeamsTestHost.AppId, Tenant, off.Time.GetUtcNow()));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        off.Handler.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task Post_EntraTokenWithNoTenantConfigured_RefusedBecauseTheTenantCannotBeChecked()
    {
        await using var noTenant = await TeamsTestHost.StartAsync(settings: (issuer, _) => new Dictionary<string, string?>
        {
            ["Teams:EntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrlTemplate,
        });
        var response = await noTenant.PostAsync(noTenant.MessageActivity(), noTenant.Issuer.MintEntraToken(TeamsTestHost.AppId, Tenant, noTenant.Time.GetUtcNow()));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        noTenant.Issuer.EntraJwksHits.ShouldBe(0);
    }

    private static Task<TeamsTestHost> StartAsync(bool acceptEntra) => TeamsTestHost.StartAsync(settings: (issuer, _) => new Dictionary<string, string?>
    {
        ["Teams:TenantId"] = Tenant,
        ["Teams:AcceptEntraTokens"] = acceptEntra ? "true" : "false",
        ["Teams:EntraOpenIdMetadataUrl"] = issuer.EntraMetadataUrlTemplate,
    });

    private async Task AssertRefusedAsync(string token)
    {
        var response = await host.PostAsync(host.MessageActivity(), token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        host.Handler.Received.ShouldBeEmpty();
        host.Connector.ConnectorRequests.ShouldBeEmpty();
    }
}
