using ChatEscalation.Bot.Teams.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>
/// <c>Teams:Credential=ManagedIdentity</c>: MSAL asks the host's managed-identity endpoint (here App Service's, found through
/// <c>IDENTITY_ENDPOINT</c> and <c>IDENTITY_HEADER</c>, pointed at the local double) for the Bot Framework resource.
/// </summary>
/// <remarks>The two environment variables are process-wide; this class is the only one that sets them, and runs alone.</remarks>
[Collection(nameof(ManagedIdentityEnvironment))]
public sealed class TeamsManagedIdentityTests
{
    [Fact]
    public async Task Send_ManagedIdentity_AsksTheIdentityEndpointForTheBotFrameworkResource()
    {
        await using var connector = await LocalTeamsConnector.StartAsync();
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", connector.ManagedIdentityEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", LocalTeamsConnector.ManagedIdentitySecret);
        try
        {
            var settings = TeamsTestHost.Settings(TeamsTestHost.AppId, null, connector);
            settings["Teams:Credential"] = "ManagedIdentity";
            settings["Teams:AppPassword"] = null;
            await using var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new FakeTimeProvider(TeamsTestHost.T0))
                .AddTeamsAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

            await services.GetRequiredService<ITeamsConnector>().SendToConversationAsync(connector.ServiceUrl, "a:1", Activity.TextMessage("hi"));

            var request = connector.TokenRequests.ShouldHaveSingleItem();
            request.Method.ShouldBe("GET");
            request.Authorization.ShouldBe(LocalTeamsConnector.ManagedIdentitySecret);
            System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + request.RawTarget).Query)["resource"].ShouldBe("https://api.botframework.com");
            connector.ConnectorRequests.ShouldHaveSingleItem().Authorization.ShouldBe("Bearer mi-token");
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", null);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", null);
        }
    }
}

/// <summary>Tests that set the managed-identity environment variables run apart from every other test.</summary>
[CollectionDefinition(nameof(ManagedIdentityEnvironment), DisableParallelization = true)]
public sealed class ManagedIdentityEnvironment;
