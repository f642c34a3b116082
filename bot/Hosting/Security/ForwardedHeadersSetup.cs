using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChatEscalation.Bot.Hosting.Security;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies listed in <c>ForwardedHeaders:KnownProxies</c>
/// (IP addresses); with none listed they are ignored. ASP.NET's own defaults (trust any loopback proxy) are cleared: behind a proxy on
/// the same host every request comes from 127.0.0.1, and trusting it would let any caller claim any address.
/// </summary>
/// <remarks><c>X-Forwarded-Host</c> is never used: the <c>Host</c> header is what <c>AllowedHosts</c> checks, so the proxy passes it through.</remarks>
public static class ForwardedHeadersSetup
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    /// <summary>The listed proxies; throws naming the key when one is not an IP address.</summary>
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var values = configuration.GetSection(KnownProxiesKey).GetChildren().Select(c => c.Value).ToList();
        if (values.Count == 0 && configuration[KnownProxiesKey] is { } flat) values = [.. flat.Split([';', ','], StringSplitOptions.RemoveEmptyEntries)];
        return values.OfType<string>().Select(v => IPAddress.TryParse(v.Trim(), out var ip)
            ? ip
            : throw new InvalidOperationException($"{KnownProxiesKey}: '{v}' is not an IP address.")).ToList();
    }

    /// <summary>Configures <see cref="ForwardedHeadersOptions"/> for exactly the listed proxies; false when none are listed.</summary>
    public static bool Configure(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = KnownProxies(configuration);
        if (proxies.Count == 0) return false;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            o.ForwardLimit = 1;
        });
        return true;
    }
}
