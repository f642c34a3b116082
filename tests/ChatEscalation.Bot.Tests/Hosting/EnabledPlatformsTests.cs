using ChatEscalation.Persistence.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Bot.Tests.Hosting;

public class EnabledPlatformsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static IReadOnlyList<string> For(params (string Key, string Value)[] settings) => PersistenceServiceRegistration.EnabledPlatforms(Configuration(settings));

    [Fact]
    public void EnabledPlatforms_NothingConfigured_OnlyTheEmulator() => For().ShouldBe(["local"]);

    [Fact]
    public void EnabledPlatforms_SlackSigningSecretAndTeamsAppId_AllThree() =>
        For(("Slack:SigningSecret", "s"), ("Teams:AppId", "00000000-0000-0000-0000-000000000001")).ShouldBe(["local", "slack", "teams"]);

    [Fact]
    public void EnabledPlatforms_SlackSocketModeAppToken_Slack() => For(("Slack:AppToken", "xapp-1")).ShouldBe(["local", "slack"]);

    [Fact]
    public void EnabledPlatforms_EmulatorOff_SlackOnly() =>
        PersistenceServiceRegistration.EnabledPlatforms(Configuration(("Slack:SigningSecret", "s")), emulator: false).ShouldBe(["slack"]);

    [Theory]
    [InlineData(false, null, true)]                 // nothing connected: the emulator runs
    [InlineData(false, "false", false)]             // switched off
    [InlineData(true, null, false)]                 // Slack connected: off unless asked for
    [InlineData(true, "true", true)]                // asked for explicitly next to Slack
    public void EmulatorEnabled_FollowsTheEmulatorsRule(bool slack, string? localEnabled, bool expected)
    {
        var settings = new List<(string, string)>();
        if (slack) settings.Add(("Slack:SigningSecret", "s"));
        if (localEnabled is not null) settings.Add(("Local:Enabled", localEnabled));
        ChatEscalation.Bot.Local.LocalChannelRegistration.EmulatorEnabled(Configuration([.. settings])).ShouldBe(expected);
    }

    [Fact]
    public void EnabledPlatforms_ListedExplicitly_TheList_AndTheEmulatorWhileItRuns()
    {
        var configuration = Configuration(("Outbox:Platforms:0", "teams"), ("Slack:SigningSecret", "s"));
        PersistenceServiceRegistration.EnabledPlatforms(configuration, emulator: false).ShouldBe(["teams"]);
        PersistenceServiceRegistration.EnabledPlatforms(configuration, emulator: true).ShouldBe(["local", "teams"]);
    }
}
