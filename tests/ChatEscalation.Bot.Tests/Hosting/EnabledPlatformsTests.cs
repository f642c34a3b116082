using ChatEscalation.Persistence.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Bot.Tests.Hosting;

public class EnabledPlatformsTests
{
    private static IReadOnlyList<string> For(params (string Key, string Value)[] settings) =>
        PersistenceServiceRegistration.EnabledPlatforms(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void EnabledPlatforms_NothingConfigured_OnlyTheEmulator() => For().ShouldBe(["local"]);

    [Fact]
    public void EnabledPlatforms_SlackSigningSecretAndTeamsAppId_AllThree() =>
        For(("Slack:SigningSecret", "s"), ("Teams:AppId", "00000000-0000-0000-0000-000000000001")).ShouldBe(["local", "slack", "teams"]);

    [Fact]
    public void EnabledPlatforms_SlackSocketModeAppToken_Slack() => For(("Slack:AppToken", "xapp-1")).ShouldBe(["local", "slack"]);

    [Fact]
    public void EnabledPlatforms_ListedExplicitly_TheList() =>
        For(("Outbox:Platforms:0", "teams"), ("Slack:SigningSecret", "s")).ShouldBe(["teams"]);
}
