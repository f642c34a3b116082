using System.Net;
using System.Net.Sockets;
using ChatEscalation.Bot.Dashboard;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Local;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Persistence.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// The bot's web host on Kestrel at 127.0.0.1:&lt;free port&gt; with a temporary SQLite file, the demo policy, the local channel
/// (demo clock on) and the dashboard; the scheduler is off and <see cref="TestEscalationRunner"/> runs sweeps and dispatches on demand.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private EmulatorHost(WebApplication app, string folder, string baseUrl)
    {
        _app = app;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<EmulatorHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("chatescalation-e2e-").FullName;
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(folder, "e2e.db")}",
            ["Scheduler:Enabled"] = "false",
            ["Local:Enabled"] = "true",
            ["Local:DemoClock"] = "true",
        });
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(PolicyLoader.Load(builder.Configuration));
        builder.Services.AddEscalationPersistence(builder.Configuration, folder);
        builder.Services.AddLocalChannel(builder.Configuration);
        builder.Services.AddSingleton<IEscalationRunner, TestEscalationRunner>();
        var app = builder.Build();
        await PersistenceServiceRegistration.MigrateAsync(app.Services);
        app.MapLocalChannel();
        app.MapDashboard();
        await app.StartAsync();
        return new EmulatorHost(app, folder, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
