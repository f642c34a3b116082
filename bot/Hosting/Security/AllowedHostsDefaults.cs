namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>
/// The host names the bot answers to when <c>AllowedHosts</c> is not configured: <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>, and the
/// hosts of <c>Teams:PublicBaseUrl</c> and <c>Slack:PublicBaseUrl</c> when set. Any other <c>Host</c> header gets 400, so a web page on
/// the bot's machine cannot reach it through DNS rebinding (a name the attacker points at 127.0.0.1).
/// </summary>
/// <remarks>An explicit <c>AllowedHosts</c> (a <c>;</c>-separated list, <c>*.example.com</c> wildcards, or <c>*</c> for any) replaces these.</remarks>
public static class AllowedHostsDefaults
{
    public static IReadOnlyList<string> For(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        foreach (var key in new[] { "Teams:PublicBaseUrl", "Slack:PublicBaseUrl" })
        {
            if (Uri.TryCreate(configuration[key], UriKind.Absolute, out var url) && !hosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
                hosts.Add(url.Host);
        }
        return hosts;
    }
}
