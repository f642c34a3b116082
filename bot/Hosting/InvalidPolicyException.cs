namespace ChatEscalation.Bot.Hosting;

/// <summary>Start-up stops with this when the configured policy is invalid; the message lists every problem by configuration key.</summary>
public sealed class InvalidPolicyException(IReadOnlyList<string> errors)
    : Exception("The escalation policy in configuration is invalid:\n  - " + string.Join("\n  - ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
