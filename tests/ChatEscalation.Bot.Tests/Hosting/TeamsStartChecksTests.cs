using System.Net;
using System.Net.Sockets;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Bot.Tests.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary>
/// At start the bot fetches the Bot Service's signing keys (<see cref="TeamsKeysPrefetch"/>) and its own Connector token
/// (<see cref="TeamsTokenCheck"/>), so the first Teams activity waits for neither; an issuer it cannot reach is a warning, refused
/// credentials are an error naming the settings, and the start goes on either way.
/// </summary>
public sealed class TeamsStartChecksTests
{
    [Fact]
    public async Task The_started_bot_holds_the_keys_before_the_first_activity_which_fetches_nothing()
    {
        await using var host = await RunningTeamsHost.StartAsync();
        (host.Issuer.MetadataHits, host.Issuer.JwksHits).ShouldBe((1, 1));

        var response = await host.PostAsync(new TeamsActivities(host).PersonalMessage(TeamsTestUser.Uma, "help"));

        response.IsSuccessStatusCode.ShouldBeTrue();
        (host.Issuer.MetadataHits, host.Issuer.JwksHits).ShouldBe((1, 1));
        (await host.Services.GetRequiredService<BotFrameworkSigningKeyCache>().PrefetchAsync(CancellationToken.None)).ShouldBeTrue();
        host.Issuer.JwksHits.ShouldBe(1); // keys held: another prefetch fetches nothing
    }

    [Fact]
    public async Task The_started_bot_holds_its_Connector_token_and_the_first_activity_asks_for_none()
    {
        await using var host = await RunningTeamsHost.StartAsync();
        host.Connector.TokenRequests.ShouldHaveSingleItem().Body.ShouldContain("grant_type=client_credentials");
        var before = host.Connector.ConnectorRequests.Count;

        var response = await host.PostAsync(new TeamsActivities(host).PersonalMessage(TeamsTestUser.Uma, "help"));

        response.IsSuccessStatusCode.ShouldBeTrue();
        host.Connector.ConnectorRequests.Count.ShouldBeGreaterThan(before); // the activity called the Connector (the person's lookup)…
        host.Connector.TokenRequests.Count.ShouldBe(1); // …with the token from the start
    }

    [Fact]
    public async Task Refused_credentials_are_an_error_naming_the_settings_and_the_start_goes_on()
    {
        await using var issuer = await LocalBotFrameworkIssuer.StartAsync();
        await using var connector = await LocalTeamsConnector.StartAsync();
        connector.CredentialCheck = _ => "AADSTS7000215: Invalid client secret provided.";
        var (log, services) = Services(teamsEnabled: true, issuer.MetadataUrl, connector.TokenEndpoint);
        await using var _ = services;

        await WarmUp.RunAsync(services, services.GetRequiredService<IConfiguration>(), log);

        connector.TokenRequests.ShouldNotBeEmpty();
        var error = log.Entries.ShouldHaveSingleItem(); // the keys came: no line for them
        error.Level.ShouldBe(LogLevel.Error);
        error.Message.ShouldContain("Teams:AppId");
        error.Message.ShouldContain("invalid_client");
    }

    [Fact]
    public async Task An_issuer_that_cannot_be_reached_is_a_warning_and_the_start_goes_on()
    {
        await using var connector = await LocalTeamsConnector.StartAsync();
        var (log, services) = Services(teamsEnabled: true, $"http://127.0.0.1:{ClosedPort()}/v1/.well-known/openidconfiguration", connector.TokenEndpoint);
        await using var _ = services;

        await WarmUp.RunAsync(services, services.GetRequiredService<IConfiguration>(), log);

        var warning = log.Entries.Where(e => e.Level != LogLevel.Information).ShouldHaveSingleItem(); // the token came
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain("the first Teams activity fetches them");
    }

    [Fact]
    public async Task Without_Teams_nothing_is_fetched()
    {
        await using var issuer = await LocalBotFrameworkIssuer.StartAsync();
        await using var connector = await LocalTeamsConnector.StartAsync();
        var (log, services) = Services(teamsEnabled: false, issuer.MetadataUrl, connector.TokenEndpoint);
        await using var _ = services;

        await WarmUp.RunAsync(services, services.GetRequiredService<IConfiguration>(), log);

        (issuer.MetadataHits, issuer.JwksHits).ShouldBe((0, 0));
        connector.TokenRequests.ShouldBeEmpty();
        log.Entries.ShouldBeEmpty();
    }

    /// <summary>The Teams adapter with the workflow's warm-up off (only the work beside it runs).</summary>
    private static (ListLogger Log, ServiceProvider Services) Services(bool teamsEnabled, string metadataUrl, string tokenEndpoint)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Startup:WarmUp"] = "false",
            ["Teams:AppPassword"] = "start-check-password",
            ["Teams:OpenIdMetadataUrl"] = metadataUrl,
            ["Teams:TokenEndpoint"] = tokenEndpoint,
        };
        if (teamsEnabled) settings["Teams:AppId"] = TeamsTestHost.AppId;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>()
            .AddTeamsAdapter(configuration)
            .BuildServiceProvider();
        return (new ListLogger(), services);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }
}
