using ChatEscalation.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Browser;

/// <summary>
/// The bot's real composition root (<see cref="ServiceRegistration.AddChatEscalation"/> + <see cref="ServiceRegistration.UseChatEscalationAsync"/>)
/// on Kestrel at 127.0.0.1:&lt;port Kestrel picks&gt; with a temporary SQLite file, the demo policy and the local channel (demo clock on);
/// the Coravel scheduler is off, so the emulator's clock jumps and commands run the sweep and the dispatcher on demand.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly bool _ownsFolder;

    private EmulatorHost(WebApplication app, string folder, bool ownsFolder, string baseUrl)
    {
        _app = app;
        _folder = folder;
        _ownsFolder = ownsFolder;
        BaseUrl = baseUrl;
    }


    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="clockBase">The clock the demo clock runs ahead of (default the system clock); a fixed one makes a test independent of today's date.</param>
    /// <param name="folder">An existing folder whose database to use (a restart); the caller deletes it. Default: a new temporary one, deleted on dispose.</param>
    public static async Task<EmulatorHost> StartAsync(TimeProvider? clockBase = null, string? folder = null)
    {
        var ownsFolder = folder is null;
        folder ??= NewFolder();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(folder, "e2e.db")}",
            ["Scheduler:Enabled"] = "false",
            ["Local:Enabled"] = "true",
            ["Local:DemoClock"] = "true",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // Kestrel picks the port: a port chosen beforehand can be taken by a parallel test before the bind
        builder.Logging.ClearProviders();
        if (clockBase is not null) builder.Services.AddSingleton(new ChatEscalation.Bot.Local.DemoClock(clockBase, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")));
        builder.AddChatEscalation();
        var app = builder.Build();
        await app.UseChatEscalationAsync();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return new EmulatorHost(app, folder, ownsFolder, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsFolder) DeleteFolder(_folder);
    }

    /// <summary>A new temporary folder for a database that outlives one host (pass it to each; delete it with <see cref="DeleteFolder"/>).</summary>
    public static string NewFolder() => Directory.CreateTempSubdirectory("chatescalation-e2e-").FullName;

    /// <summary>Deletes a database folder (best effort).</summary>
    public static void DeleteFolder(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

}
