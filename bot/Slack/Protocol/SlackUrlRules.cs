using System.Net;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>Which URLs the Slack adapter may talk to: encrypted ones, or plain ones on loopback only.</summary>
public static class SlackUrlRules
{
    /// <summary>True for an absolute <c>https</c> URL, or an <c>http</c> URL whose host is loopback.</summary>
    public static bool IsSecureOrLoopbackHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri)));

    /// <summary>True for a <c>wss</c> URL, or a <c>ws</c> URL whose host is loopback.</summary>
    public static bool IsSecureOrLoopbackWebSocket(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeWss || (uri.Scheme == Uri.UriSchemeWs && IsLoopbackHost(uri)));

    /// <summary>True when the host is <c>localhost</c> or a loopback address (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopbackHost(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
