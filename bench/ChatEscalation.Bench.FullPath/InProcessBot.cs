using ChatEscalation.Bot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ChatEscalation.Bench.FullPath;

/// <summary>The bot's real composition root (as Program.cs) on 127.0.0.1:0 in this process, SQLite file, Production, scheduler on.</summary>
public sealed class InProcessBot : IAsyncDisposable
{
    private readonly WebApplication app;

    private InProcessBot(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    public Uri BaseAddress => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Bot settings shared by every bench start: Slack over HTTP at <paramref name="slackApi"/>, tier channels with Slack ids.</summary>
    public static Dictionary<string, string?> Settings(string database, string slackApi)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={database}",
            ["Database:Provider"] = "Sqlite",
            ["Local:DemoClock"] = "false",
            ["Slack:Mode"] = "Http",
            ["Slack:SigningSecret"] = SlackBodies.SigningSecret,
            ["Slack:BotToken"] = "xoxb-bench",
            ["Slack:ApiBaseUrl"] = slackApi,
            ["Policy:ManagerChannel:Slack"] = "C0MANAGERS",
            ["Policy:OnCallChannel:Slack"] = "C0ONCALL",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        for (var i = 0; i < 4; i++) settings[$"Policy:Tiers:{i}:Channel:Slack"] = $"C0TIER{i + 1}";
        return settings;
    }

    public static async Task<InProcessBot> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.UseRootAppSettings();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (Environment.GetEnvironmentVariable("FULLPATH_LOG") != "1") builder.Logging.ClearProviders(); // FULLPATH_LOG=1: the bot's warnings on the console
        builder.AddChatEscalation();
        var app = builder.Build();
        app.Use((context, next) =>
        {
            StatementCounter.InRequest.Value = true;
            return next(context);
        });
        await app.UseChatEscalationAsync();
        await app.StartAsync();
        return new InProcessBot(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
