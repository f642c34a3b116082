using ChatEscalation.Bot.Hosting;
using ChatEscalation.Core.Policy;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Bot.Tests.Local;

/// <summary>The demo policy of the repository's appsettings.json, compiled once.</summary>
public static class LocalFixtures
{
    private static readonly Lazy<EscalationPolicy> Demo = new(() =>
        PolicyLoader.Load(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()));

    public static EscalationPolicy Policy => Demo.Value;
}
