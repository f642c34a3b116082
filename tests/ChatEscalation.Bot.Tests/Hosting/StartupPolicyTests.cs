using ChatEscalation.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Bot.Tests.Hosting;

public class StartupPolicyTests
{
    private static WebApplicationBuilder Builder(params (string Key, string Value)[] overrides)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)));
        return builder;
    }

    [Fact]
    public void AddChatEscalation_InvalidPolicy_StopsNamingEveryKeyAndProblem()
    {
        var builder = Builder(("Policy:Priorities:P2:ResolveWithin", "4x"), ("Policy:Calendars:business:TimeZone", "Mars/Olympus"));

        var error = Should.Throw<InvalidPolicyException>(() => builder.AddChatEscalation());

        error.Message.ShouldContain("Policy:Priorities:P2:ResolveWithin: '4x'");
        error.Message.ShouldContain("Policy:Calendars:business:TimeZone: 'Mars/Olympus'");
    }

    [Theory]
    [InlineData("Scheduler:SweepEverySeconds", "60")]
    [InlineData("Scheduler:DispatchEverySeconds", "0")]
    public async Task Start_SchedulerIntervalOutsideCoravelsRange_StopsNamingTheKey(string key, string value)
    {
        var folder = Directory.CreateTempSubdirectory("chatescalation-sched-opt-").FullName;
        var builder = Builder(("ConnectionStrings:Escalation", $"Data Source={Path.Combine(folder, "o.db")}"), (key, value), ("Urls", "http://127.0.0.1:0"));
        builder.AddChatEscalation();
        await using var app = builder.Build();

        var error = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        error.Message.ShouldContain(key);
    }

    [Fact]
    public void AddChatEscalation_DemoPolicy_Starts()
    {
        var builder = Builder(("ConnectionStrings:Escalation", "Data Source=:memory:"));

        Should.NotThrow(() => builder.AddChatEscalation());
    }
}
