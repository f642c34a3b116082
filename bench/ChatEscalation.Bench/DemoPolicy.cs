using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Policy.Options;
using Microsoft.Extensions.Configuration;

namespace ChatEscalation.Bench;

/// <summary>The demo policy of the repository's appsettings.json, compiled the way the host compiles it.</summary>
public static class DemoPolicy
{
    public static EscalationPolicy Load(string repositoryRoot)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json")).Build();
        var options = new PolicyOptions();
        configuration.GetSection("Policy").Bind(options);
        var compiled = PolicyCompiler.Compile(options);
        return compiled.IsValid ? compiled.Policy! : throw new InvalidOperationException("appsettings.json policy: " + string.Join("; ", compiled.Errors));
    }
}
