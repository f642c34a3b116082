using ChatEscalation.Core.Policy;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>An <see cref="IPolicyProvider"/> that always answers the same compiled policy.</summary>
public sealed class FixedPolicyProvider(EscalationPolicy policy) : IPolicyProvider
{
    public EscalationPolicy Current { get; } = policy;
}
