using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatEscalation.Bot.Hosting;

/// <summary>
/// Before the host starts: is a listen address already taken by another process (a second <c>dotnet run</c>)? Then the bot says so
/// in one line and exits, instead of Kestrel's 75 lines of stack trace.
/// </summary>
/// <remarks>Checks <c>http(s)://host:port</c> URLs by binding a socket for an instant; <c>*</c>, <c>+</c> and <c>0.0.0.0</c> mean every
/// address, <c>localhost</c> the loopback one. URLs it cannot read are left to Kestrel.</remarks>
public static class ListenAddressCheck
{
    /// <summary>The first of <paramref name="urls"/> (separated by <c>;</c>) whose port another process listens on; null when all are free.</summary>
    public static string? FirstInUse(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(url) is not { } endpoint) continue;
            try
            {
                var listener = new TcpListener(endpoint);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return url;
            }
            catch (SocketException)
            {
                // Not ours to judge (an address this machine does not have, a privileged port): Kestrel reports it.
            }
        }
        return null;
    }

    /// <summary>The one line printed for a URL in use: <c>port 5080 is in use (http://127.0.0.1:5080): stop the other instance or pass --urls http://127.0.0.1:5081</c>.</summary>
    public static string Message(string url)
    {
        var port = Endpoint(url)?.Port;
        var next = port is { } p && p < IPEndPoint.MaxPort ? (p + 1).ToString(CultureInfo.InvariantCulture) : "<another port>";
        return $"port {port?.ToString(CultureInfo.InvariantCulture) ?? "?"} is in use ({url}): stop the other instance or pass --urls http://127.0.0.1:{next}";
    }

    private static IPEndPoint? Endpoint(string url)
    {
        var wildcard = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Port <= 0) return null;
        IPAddress? address = uri.Host switch
        {
            "wildcard.invalid" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ => IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null,
        };
        return address is null ? null : new IPEndPoint(address, uri.Port);
    }
}
