using ChatEscalation.Bot.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Tests.Teams;

public sealed class TeamsOptionsTests
{
    private static TeamsOptions Valid() => new() { AppId = "app", AppPassword = "pw" };

    [Fact]
    public void EffectiveTokenEndpoint_NoTenant_UsesBotframeworkCom() =>
        Valid().EffectiveTokenEndpoint.ShouldBe("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");

    [Fact]
    public void EffectiveTokenEndpoint_SingleTenant_UsesTenantId()
    {
        var options = Valid();
        options.TenantId = "c0ffee00-0000-0000-0000-000000000000";

        options.EffectiveTokenEndpoint.ShouldBe("https://login.microsoftonline.com/c0ffee00-0000-0000-0000-000000000000/oauth2/v2.0/token");
    }

    [Fact]
    public void EffectiveAllowedServiceUrlPrefixes_NotConfigured_AreTheFourTeamsClouds() =>
        Valid().EffectiveAllowedServiceUrlPrefixes.ShouldBe([
            "https://smba.trafficmanager.net/",
            "https://smba.infra.gcc.teams.microsoft.com/",
            "https://smba.infra.gov.teams.microsoft.us/",
            "https://smba.infra.dod.teams.microsoft.us/"]);

    [Theory]
    [InlineData("http://127.0.0.1:5000/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://127.5.6.7/x", true)]
    [InlineData("http://[::1]:8080/x", true)]
    [InlineData("http://localhost:8080/x", true)]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://10.0.0.5/x", false)]
    [InlineData("http://localhost.evil.example/x", false)]
    [InlineData("ftp://127.0.0.1/x", false)]
    [InlineData("relative/path", false)]
    public void Validate_MetadataUrl_HttpsOrLoopbackHttpOnly(string url, bool valid)
    {
        var options = Valid();
        options.OpenIdMetadataUrl = url;

        new TeamsOptionsValidator().Validate(null, options).Succeeded.ShouldBe(valid);
    }

    [Fact]
    public void Validate_HttpServiceUrlPrefixOffLoopback_Fails()
    {
        var options = Valid();
        options.AllowedServiceUrlPrefixes = ["http://smba.trafficmanager.net/"];

        new TeamsOptionsValidator().Validate(null, options).Failed.ShouldBeTrue();
    }

    [Fact]
    public void Validate_AppIdWithoutPassword_Fails() =>
        new TeamsOptionsValidator().Validate(null, new TeamsOptions { AppId = "app" }).Failed.ShouldBeTrue();

    [Fact]
    public void AddTeamsAdapter_BindsSectionAndRejectsInsecureUrlOnResolve()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "app",
            ["Teams:AppPassword"] = "pw",
            ["Teams:TokenEndpoint"] = "http://login.example/token",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddTeamsAdapter(config).BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<TeamsOptions>>().Value)
            .Message.ShouldContain("TokenEndpoint");
    }

    [Fact]
    public void AddTeamsChat_AfterAdapter_RegistersTicketHandlerAndSender()
    {
        var collection = new ServiceCollection().AddLogging().AddTeamsAdapter(new ConfigurationBuilder().Build()).AddTeamsChat();
        collection.Single(d => d.ServiceType == typeof(ITeamsActivityHandler)).ImplementationType.ShouldBe(typeof(TeamsActivityHandler));
        collection.Single(d => d.ServiceType == typeof(ChatEscalation.Bot.Outbox.IChatSender)).ImplementationType.ShouldBe(typeof(TeamsSender));
        using var services = collection.BuildServiceProvider();

        services.GetRequiredService<IOptions<TeamsOptions>>().Value.IsEnabled.ShouldBeFalse();
    }
}
