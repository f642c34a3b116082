using System.Net;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>URL rules shared by options validation and the Connector client.</summary>
public static class TeamsUrlRules
{
    /// <summary>
    /// True for an absolute <c>https</c> URL, or an <c>http</c> URL whose host is loopback
    /// (127.0.0.0/8, ::1 or <c>localhost</c>).
    /// </summary>
    public static bool IsSecureOrLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsSecureOrLoopback(uri);

    /// <inheritdoc cref="IsSecureOrLoopback(string?)"/>
    public static bool IsSecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopbackHost(uri));

    /// <summary>True when the URI's host is <c>localhost</c> or a loopback IP address.</summary>
    public static bool IsLoopbackHost(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>
    /// True when <paramref name="url"/> has the same scheme, host and port as <paramref name="prefix"/>
    /// and its path starts with the prefix's path (compared on parsed URIs, so a host such as
    /// <c>smba.trafficmanager.net.evil.example</c> never matches).
    /// </summary>
    public static bool MatchesPrefix(Uri url, string prefix)
    {
        if (!Uri.TryCreate(prefix, UriKind.Absolute, out var p)) return false;
        if (!string.Equals(url.Scheme, p.Scheme, StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.Equals(url.Host, p.Host, StringComparison.OrdinalIgnoreCase)) return false;
        if (url.Port != p.Port) return false;
        var prefixPath = p.AbsolutePath;
        if (!prefixPath.EndsWith('/')) prefixPath += "/";
        var path = url.AbsolutePath.EndsWith('/') ? url.AbsolutePath : url.AbsolutePath + "/";
        return path.StartsWith(prefixPath, StringComparison.OrdinalIgnoreCase);
    }
}
