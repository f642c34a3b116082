using ChatEscalation.Bot.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Tests.Slack;

public sealed class SlackServiceRegistrationTests
{
    private static IServiceCollection Register(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddSlackAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static bool HasSocketClient(IServiceCollection services) =>
        services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SlackSocketModeClient));

    [Fact]
    public void AddSlackAdapter_SocketModeWithAppToken_RegistersSocketClient() =>
        HasSocketClient(Register(new() { ["Slack:Mode"] = "Socket", ["Slack:AppToken"] = "xapp-1", ["Slack:BotToken"] = "xoxb-1" })).ShouldBeTrue();

    [Theory]
    [InlineData("Socket", null)]
    [InlineData("Http", "xapp-1")]
    [InlineData(null, null)]
    public void AddSlackAdapter_NotSocketOrNoAppToken_NoSocketClient(string? mode, string? appToken) =>
        HasSocketClient(Register(new() { ["Slack:Mode"] = mode, ["Slack:AppToken"] = appToken, ["Slack:SigningSecret"] = "s" })).ShouldBeFalse();

    [Fact]
    public void AddSlackAdapter_Default_InboundIsUnconfiguredAndReplaceable()
    {
        var services = Register(new());
        using (var sp = services.BuildServiceProvider())
        using (var scope = sp.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ISlackInbound>().ShouldBeOfType<UnconfiguredSlackInbound>();
        }

        services.AddScoped<ISlackInbound, RecordingSlackInbound>();
        using var replaced = services.BuildServiceProvider();
        using var scope2 = replaced.CreateScope();
        scope2.ServiceProvider.GetRequiredService<ISlackInbound>().ShouldBeOfType<RecordingSlackInbound>();
    }

    [Fact]
    public void AddSlackAdapter_InboundRegisteredBefore_Kept()
    {
        var services = new ServiceCollection().AddLogging().AddScoped<ISlackInbound, RecordingSlackInbound>();
        services.AddSlackAdapter(new ConfigurationBuilder().Build());
        using var sp = services.BuildServiceProvider();
        using var scope = sp.CreateScope();
        scope.ServiceProvider.GetRequiredService<ISlackInbound>().ShouldBeOfType<RecordingSlackInbound>();
    }

    [Fact]
    public void AddSlackAdapter_EnabledWithPlainHttpRemoteApi_OptionsFailWithReason()
    {
        using var sp = Register(new() { ["Slack:SigningSecret"] = "s", ["Slack:BotToken"] = "xoxb-1", ["Slack:ApiBaseUrl"] = "http://slack.example/api/" }).BuildServiceProvider();
        Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IOptions<SlackOptions>>().Value).Message.ShouldContain("Slack:ApiBaseUrl");
    }

    [Fact]
    public void AddSlackAdapter_RegistersNoClock_TheHostOwnsTheOneRegistration() =>
        Register(new()).ShouldNotContain(d => d.ServiceType == typeof(TimeProvider));
}
