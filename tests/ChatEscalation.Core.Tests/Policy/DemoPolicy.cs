using ChatEscalation.Core.Policy.Options;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Core.Tests.Policy;

/// <summary>The "Policy" section of the repository's root appsettings.json, bound the way the host binds it.</summary>
internal static class DemoPolicy
{
    public static string AppSettingsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.json");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ChatEscalation.sln"))) return candidate;
        }
        throw new FileNotFoundException("The root appsettings.json (next to ChatEscalation.sln) was not found above " + AppContext.BaseDirectory);
    }

    public static PolicyOptions Options()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(AppSettingsPath(), optional: false).Build();
        return configuration.GetSection("Policy").Get<PolicyOptions>() ?? throw new InvalidOperationException("No Policy section in appsettings.json.");
    }
}
