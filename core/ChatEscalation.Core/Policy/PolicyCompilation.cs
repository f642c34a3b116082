namespace ChatEscalation.Core.Policy;

/// <summary>The result of compiling a policy: the policy, or the list of problems, each naming its configuration key.</summary>
public sealed record PolicyCompilation(EscalationPolicy? Policy, IReadOnlyList<string> Errors)
{
    public bool IsValid => Policy is not null && Errors.Count == 0;
}
