using ChatEscalation.Bot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings();
DefaultListenAddress.Apply(builder);
if (ListenAddressCheck.FirstInUse(builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey)) is { } taken)
{
    Console.Error.WriteLine(ListenAddressCheck.Message(taken));
    return 1;
}
builder.AddChatEscalation();

var app = builder.Build();
await app.UseChatEscalationAsync();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("ChatEscalation is ready. Local emulator: {Url}/   Dashboard: {Url}/dashboard", app.Urls.FirstOrDefault(), app.Urls.FirstOrDefault()));
try
{
    await app.RunAsync();
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Taken between the check and the start (or by an address the check cannot read): still one line at the end.
    Console.Error.WriteLine(e.Message + " Stop the other instance or pass --urls with another port.");
    return 1;
}
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
