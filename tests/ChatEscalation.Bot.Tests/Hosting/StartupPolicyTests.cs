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

    [Fact]
    public void AddChatEscalation_DemoPolicy_Starts()
    {
        var builder = Builder(("ConnectionStrings:Escalation", "Data Source=:memory:"));

        Should.NotThrow(() => builder.AddChatEscalation());
    }
}
