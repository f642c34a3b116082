using System.Diagnostics;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary>
/// At start the bot asks Slack's <c>auth.test</c> with its bot token, as Bolt does (<see cref="SlackTokenCheck"/>): the answer is logged,
/// a refused token is an error in the log, and a Slack that does not answer holds the start no longer than <see cref="WarmUp.BesideWait"/>.
/// </summary>
public sealed class SlackTokenCheckTests : IAsyncLifetime
{
    private FakeSlackWebApi slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlackWebApi.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task The_started_bot_has_asked_auth_test_once_with_its_bot_token()
    {
        await using var host = await RunningSlackChatHost.StartAsync(dispatchOnCommit: false);

        var check = host.Api.Calls.Where(c => c.Method == "auth.test").ShouldHaveSingleItem();
        check.Authorization.ShouldBe("Bearer " + host.Services.GetRequiredService<IConfiguration>()["Slack:BotToken"]);
    }

    [Fact]
    public async Task An_accepted_token_is_logged_with_the_bot_identity()
    {
        var (log, services) = Services(slackEnabled: true);
        await using var _ = services;

        await WarmUp.RunAsync(services, services.GetRequiredService<IConfiguration>(), log);

        slack.Calls.ShouldHaveSingleItem().Method.ShouldBe("auth.test");
        log.Entries.ShouldContain(e => e.Level == LogLevel.Information && e.Message.Contains("U0BOT") && e.Message.Contains("T0DESK"));
    }

    [Fact]
    public async Task A_refused_token_is_an_error_naming_the_setting_and_the_start_goes_on()
    {
        slack.Enqueue(200, """{"ok":false,"error":"invalid_auth"}""", method: "auth.test");
        var (log, services) = Services(slackEnabled: true);
        await using var _ = services;

        await WarmUp.RunAsync(services, services.GetRequiredService<IConfiguration>(), log);

        var error = log.Entries.ShouldHaveSingleItem();
        error.Level.ShouldBe(LogLevel.Error);
        error.Message.ShouldContain("invalid_auth");
        error.Message.ShouldContain("Slack:BotToken");
    }

    [Fact]
    public async Task A_Slack_that_does_not_answer_holds_the_start_only_as_long_as_the_wait_and_its_answer_is_logged_later()
    {
        var (arrived, release) = slack.Hold("auth.test");
        var (log, services) = Services(slackEnabled: true);
        await using var _ = services;

        var started = Stopwatch.GetTimestamp();
        await WarmUp.RunAsync(services, services.GetRequiredService<IConfiguration>(), log);
        var held = Stopwatch.GetElapsedTime(started);

        arrived.IsCompleted.ShouldBeTrue();
        held.ShouldBeGreaterThanOrEqualTo(WarmUp.BesideWait - TimeSpan.FromMilliseconds(50));
        held.ShouldBeLessThan(WarmUp.BesideWait + TimeSpan.FromSeconds(3));
        log.Entries.ShouldHaveSingleItem().Message.ShouldContain("did not arrive");

        release.SetResult();
        await log.WaitForAsync(e => e.Message.Contains("accepted the bot token"));
    }

    [Fact]
    public async Task Without_Slack_nothing_is_asked()
    {
        var (log, services) = Services(slackEnabled: false);
        await using var _ = services;

        await WarmUp.RunAsync(services, services.GetRequiredService<IConfiguration>(), log);

        slack.Calls.ShouldBeEmpty();
        log.Entries.ShouldBeEmpty();
    }

    /// <summary>The Slack adapter over <see cref="slack"/>, with the workflow's warm-up off (only the token check runs).</summary>
    private (ListLogger Log, ServiceProvider Services) Services(bool slackEnabled)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Startup:WarmUp"] = "false",
            ["Slack:BotToken"] = "xoxb-check-token",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:ApiRetryBaseDelay"] = "00:00:00",
        };
        if (slackEnabled) settings["Slack:SigningSecret"] = "check-signing-secret";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>()
            .AddSlackAdapter(configuration)
            .BuildServiceProvider();
        return (new ListLogger(), services);
    }
}
