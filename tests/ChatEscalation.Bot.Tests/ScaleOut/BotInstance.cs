using System.Text;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Hosting;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Scheduling;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Bot.Tests.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatEscalation.Bot.Tests.ScaleOut;

/// <summary>
/// One bot process of a scale-out deployment: the real composition root on Kestrel at 127.0.0.1:0 over a shared PostgreSQL database,
/// with its own Socket Mode connection to the fake Slack, its senders wrapped to record every delivery.
/// </summary>
public sealed class BotInstance : IAsyncDisposable
{
    private readonly WebApplication app;

    private BotInstance(string name, WebApplication app, FakeSocketSession socket)
    {
        Name = name;
        this.app = app;
        Socket = socket;
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public string Name { get; }

    public HttpClient Client { get; }

    /// <summary>This instance's Socket Mode connection, as the fake Slack sees it (hello already sent).</summary>
    public FakeSocketSession Socket { get; }

    public IServiceProvider Services => app.Services;

    public IEscalationRunner Runner => Services.GetRequiredService<IEscalationRunner>();

    /// <summary>Starts an instance with <paramref name="settings"/>; waits for its Socket Mode connection and says hello on it.</summary>
    public static async Task<BotInstance> StartAsync(string name, IReadOnlyDictionary<string, string?> settings, FakeTimeProvider time, DeliveryLog log,
        Func<Task<FakeSocketSession>> nextSocket)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Configuration.UseRootAppSettings();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddChatEscalation();
        WrapSenders(builder.Services, log, name);
        var app = builder.Build();
        await app.UseChatEscalationAsync();
        await app.StartAsync();
        var socket = await nextSocket();
        await socket.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake"}}""");
        return new BotInstance(name, app, socket);
    }

    /// <summary>POSTs a Teams activity with a valid Bot Framework token.</summary>
    public Task<HttpResponseMessage> PostTeamsAsync(JsonNode activity, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.MessagesPath)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        // Stopping closes the Socket Mode connection politely and waits for Slack's side of the close (on the fake clock it
        // would wait for the host's shutdown timeout): answer it, as Slack does.
        var closed = Task.Run(async () =>
        {
            try
            {
                while (await Socket.ReceiveAsync() is not null) { }
            }
            catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException) { }
        });
        await app.StopAsync();
        await closed;
        await app.DisposeAsync();
    }

    private static void WrapSenders(IServiceCollection services, DeliveryLog log, string name)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IChatSender)).ToList())
        {
            services.Remove(descriptor);
            services.Add(new ServiceDescriptor(typeof(IChatSender), sp => new RecordingChatSender(Create(sp, descriptor), log, name), descriptor.Lifetime));
        }
    }

    private static IChatSender Create(IServiceProvider sp, ServiceDescriptor descriptor) =>
        (IChatSender)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
