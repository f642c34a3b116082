namespace ChatEscalation.Bot.Hosting;

/// <summary>
/// Where the host listens when nobody said: <c>http://127.0.0.1:5080</c>, loopback only (the emulator has no sign-in).
/// </summary>
/// <remarks>
/// The default is applied in code, not written in <c>appsettings.json</c>: a <c>Urls</c> key there would beat
/// <c>ASPNETCORE_URLS</c> (the content root's appsettings.json loads after the <c>ASPNETCORE_</c> variables). Any of
/// <c>urls</c>, <c>http_ports</c> or <c>https_ports</c> from any source (<c>ASPNETCORE_URLS</c>, <c>URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> as set by the official container images, <c>--urls</c>, configuration) leaves it alone.
/// </remarks>
public static class DefaultListenAddress
{
    public const string Url = "http://127.0.0.1:5080";

    public static void Apply(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(builder.Configuration[key]));
        if (!configured) builder.WebHost.UseUrls(Url);
    }
}
