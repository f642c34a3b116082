using ChatEscalation.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings();
DefaultListenAddress.Apply(builder);
builder.AddChatEscalation();

var app = builder.Build();
await app.UseChatEscalationAsync();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("ChatEscalation is ready. Local emulator: {Url}/   Dashboard: {Url}/dashboard", app.Urls.FirstOrDefault(), app.Urls.FirstOrDefault()));
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
