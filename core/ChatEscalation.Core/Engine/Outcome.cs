using System.Diagnostics.CodeAnalysis;

namespace ChatEscalation.Core.Engine;

/// <summary>Either a <see cref="Decision"/> or a <see cref="Refusal"/>.</summary>
public sealed class Outcome
{
    private Outcome(Decision? decision, Refusal? refusal) => (Decision, Refusal) = (decision, refusal);

    public Decision? Decision { get; }
    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Decision))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsDecision => Decision is not null;

    public static implicit operator Outcome(Decision decision) => new(decision, null);
    public static implicit operator Outcome(Refusal refusal) => new(null, refusal);

    public static Outcome Refuse(RefusalCode code, string reason, string? field = null) => new(null, new Refusal(code, reason, field));
}
