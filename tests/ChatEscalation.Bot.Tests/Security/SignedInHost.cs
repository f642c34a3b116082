using System.Net;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Policy;
using ChatEscalation.Persistence.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Tests.Security;

/// <summary>
/// The bot's real composition root on Kestrel at 127.0.0.1:&lt;port Kestrel picks&gt; (the sign-in redirects need real addresses) with Slack
/// configured, so the dashboard needs sign-in, against a <see cref="LocalOidcIssuer"/>; system clock (cookies and tokens carry real
/// expiry times), scheduler off, a temporary SQLite file.
/// </summary>
public sealed class SignedInHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private SignedInHost(WebApplication app, string folder, string baseUrl)
    {
        _app = app;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SignedInHost> StartAsync(LocalOidcIssuer? issuer, IReadOnlyDictionary<string, string?>? more = null)
    {
        var folder = Directory.CreateTempSubdirectory("chatescalation-signin-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Development" });
        builder.Configuration.UseRootAppSettings();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={Path.Combine(folder, "signin.db")}",
            ["Scheduler:Enabled"] = "false",
            ["Knowledge:AtIntake"] = "false", // cards reach their queue at the raise: these tests are about who sees what
            ["Slack:SigningSecret"] = "real-signing-secret",
            ["Slack:BotToken"] = "xoxb-real",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/", // nothing listens: the outbox never reaches a real Slack
        };
        if (issuer is not null)
        {
            settings["Auth:Authority"] = issuer.Authority;
            settings["Auth:ClientId"] = LocalOidcIssuer.ClientId;
            settings["Auth:ClientSecret"] = LocalOidcIssuer.ClientSecret;
        }
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0"); // Kestrel picks the port: a port chosen beforehand can be taken by a parallel test before the bind
        builder.Logging.ClearProviders();
        builder.AddChatEscalation();
        var app = builder.Build();
        await app.UseChatEscalationAsync();
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return new SignedInHost(app, folder, url);
    }

    public EscalationPolicy Policy => Services.GetRequiredService<EscalationPolicy>();

    public async Task<long> RaiseAsync(string reporter, string title)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().RaiseAsync(new RaiseTicket(Policy.Person(reporter), "slack", title));
        result.Succeeded.ShouldBeTrue(result.Message);
        return result.Ticket!.Number;
    }

    public async Task RunAsync(long number, TicketCommand command)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketWorkflow>().ExecuteAsync(number, command);
        result.Succeeded.ShouldBeTrue(result.Message);
    }

    /// <summary>A browser for one person: keeps cookies, follows redirects (to the provider and back), and tells the provider who signs in.</summary>
    public HttpClient Browser(string? signInAs, bool followRedirects = true)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = followRedirects, UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        if (signInAs is not null) client.DefaultRequestHeaders.Add(LocalOidcIssuer.UserHeader, signInAs);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }

}
