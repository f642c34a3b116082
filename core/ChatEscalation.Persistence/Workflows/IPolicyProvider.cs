using ChatEscalation.Core.Policy;

namespace ChatEscalation.Persistence.Workflows;

/// <summary>The compiled policy in force now; read once per operation.</summary>
public interface IPolicyProvider
{
    EscalationPolicy Current { get; }
}
