using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Policy.Options;

namespace ChatEscalation.Bot.Hosting;

/// <summary>Binds the <c>Policy</c> section and compiles it; an invalid policy stops start-up with every problem named by key.</summary>
public static class PolicyLoader
{
    public static EscalationPolicy Load(IConfiguration configuration)
    {
        var options = new PolicyOptions();
        configuration.GetSection("Policy").Bind(options);
        var compiled = PolicyCompiler.Compile(options);
        if (!compiled.IsValid)
            throw new InvalidPolicyException(compiled.Errors);
        return compiled.Policy!;
    }
}
