using ChatEscalation.Core.Forms;
namespace ChatEscalation.Core.Tickets;

/// <summary>What a tier hands to the next one: what was tried, what came of it, what the next tier needs.</summary>
public sealed record HandoffNote(string Tried, string Outcome, string Needs)
{
    /// <summary>The shortest text, in characters, that counts as a real answer to each of the three questions.</summary>
    public const int MinimumLength = 3;

    /// <summary>The fields left empty or too short to be useful, by name (tried, outcome, needs).</summary>
    public IReadOnlyList<string> MissingParts()
    {
        var missing = new List<string>(3);
        if (IsTooShort(Tried)) missing.Add(FieldNames.Tried);
        if (IsTooShort(Outcome)) missing.Add(FieldNames.Outcome);
        if (IsTooShort(Needs)) missing.Add(FieldNames.Needs);
        return missing;
    }

    private static bool IsTooShort(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim().Length < MinimumLength;

    public override string ToString() => $"Tried: {Tried} · Outcome: {Outcome} · Needs: {Needs}";
}
