using System.Net;
using ChatEscalation.Bot.Teams.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>Government clouds: <c>Teams:Cloud</c> picks issuer, metadata, authority and scope; each can still be set alone.</summary>
public sealed class TeamsCloudTests
{
    [Fact]
    public void Effective_DefaultCloud_IsPublic()
    {
        var o = new TeamsOptions { AppId = "app", AppPassword = "pw", TenantId = "t1" };

        o.EffectiveBotServiceIssuer.ShouldBe("https://api.botframework.com");
        o.EffectiveOpenIdMetadataUrl.ShouldBe("https://login.botframework.com/v1/.well-known/openidconfiguration");
        o.EffectiveScope.ShouldBe("https://api.botframework.com/.default");
        o.EffectiveTokenEndpoint.ShouldBe("https://login.microsoftonline.com/t1/oauth2/v2.0/token");
        o.EntraOpenIdMetadataUrlFor("t1").ShouldBe("https://login.microsoftonline.com/t1/v2.0/.well-known/openid-configuration");
        o.EffectiveEntraIssuers.ShouldBe(["https://sts.windows.net/{tenant}/", "https://login.microsoftonline.com/{tenant}/v2.0"]);
    }

    [Fact]
    public void Effective_USGov_EveryEndpointOfThatCloud()
    {
        var o = new TeamsOptions { AppId = "app", AppPassword = "pw", TenantId = "t1", Cloud = "usgov" };

        o.EffectiveBotServiceIssuer.ShouldBe("https://api.botframework.us");
        o.EffectiveOpenIdMetadataUrl.ShouldBe("https://login.botframework.azure.us/v1/.well-known/openidconfiguration");
        o.EffectiveScope.ShouldBe("https://api.botframework.us/.default");
        o.EffectiveTokenEndpoint.ShouldBe("https://login.microsoftonline.us/t1/oauth2/v2.0/token");
        o.EntraOpenIdMetadataUrlFor("t1").ShouldBe("https://login.microsoftonline.us/t1/v2.0/.well-known/openid-configuration");
        new TeamsOptions { Cloud = "USGov" }.EffectiveTokenEndpoint.ShouldBe("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token");
    }

    [Fact]
    public void Effective_SettingsOverrideTheCloud()
    {
        var o = new TeamsOptions
        {
            Cloud = "USGov",
            BotServiceIssuer = "https://api.botframework.example",
            OpenIdMetadataUrl = "https://login.example/v1/.well-known/openidconfiguration",
            Scope = "https://api.example/.default",
            EntraIssuers = ["https://sts.example/{tenant}/"],
        };

        o.EffectiveBotServiceIssuer.ShouldBe("https://api.botframework.example");
        o.EffectiveOpenIdMetadataUrl.ShouldBe("https://login.example/v1/.well-known/openidconfiguration");
        o.EffectiveScope.ShouldBe("https://api.example/.default");
        o.EffectiveEntraIssuers.ShouldBe(["https://sts.example/{tenant}/"]);
    }

    [Fact]
    public void Validate_UnknownCloud_FailsNamingTheKnownOnes() =>
        new TeamsOptionsValidator().Validate(null, new TeamsOptions { Cloud = "Mars" }).FailureMessage!.ShouldContain("Public, USGov");

    [Fact]
    public void Validate_EntraIssuerWithoutTenantPlaceholder_Fails() =>
        new TeamsOptionsValidator().Validate(null, new TeamsOptions { EntraIssuers = ["https://sts.windows.net/"] }).Failed.ShouldBeTrue();

    [Fact]
    public void Validate_TokenEndpointThatIsNotAnEntraV2Endpoint_Fails() =>
        new TeamsOptionsValidator().Validate(null, new TeamsOptions { TokenEndpoint = "https://login.example/token" }).FailureMessage!.ShouldContain("/oauth2/v2.0/token");

    [Theory]
    [InlineData("Certificate", null, null, false)]
    [InlineData("Certificate", "/nonexistent/bot.pfx", null, false)]
    [InlineData("Certificate", null, "ABCDEF", true)]
    [InlineData("ManagedIdentity", null, null, true)]
    [InlineData("Secret", null, null, false)]
    public void Validate_CredentialWithoutPassword_NeedsWhatTheKindNeeds(string kind, string? path, string? thumbprint, bool valid) =>
        new TeamsOptionsValidator().Validate(null, new TeamsOptions
        {
            AppId = "app",
            Credential = Enum.Parse<TeamsCredentialKind>(kind),
            CertificatePath = path,
            CertificateThumbprint = thumbprint,
        }).Succeeded.ShouldBe(valid);

    [Fact]
    public async Task Post_USGovCloud_AcceptsGovIssuerAndRefusesPublicIssuer()
    {
        await using var host = await TeamsTestHost.StartAsync(settings: (_, _) => new Dictionary<string, string?> { ["Teams:Cloud"] = "USGov" });
        var now = host.Time.GetUtcNow();

        (await host.PostAsync(host.MessageActivity(), host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, now))).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await host.PostAsync(host.MessageActivity(), host.Issuer.MintToken(TeamsTestHost.AppId, host.Connector.ServiceUrl, now, issuer: "https://api.botframework.us"))).StatusCode
            .ShouldBe(HttpStatusCode.OK);
        host.Handler.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Send_USGovCloud_RequestsTheGovScope()
    {
        await using var connector = await LocalTeamsConnector.StartAsync();
        var settings = TeamsTestHost.Settings(TeamsTestHost.AppId, null, connector);
        settings["Teams:Cloud"] = "USGov";
        await using var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new FakeTimeProvider(TeamsTestHost.T0))
            .AddTeamsAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

        await services.GetRequiredService<ITeamsConnector>().SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.TextMessage("hi"));

        System.Web.HttpUtility.ParseQueryString(connector.TokenRequests.ShouldHaveSingleItem().Body)["scope"].ShouldBe("https://api.botframework.us/.default");
    }
}
