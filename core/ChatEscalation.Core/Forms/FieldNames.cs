namespace ChatEscalation.Core.Forms;

/// <summary>
/// The one set of form-field names: every renderer's input ids (Slack block ids, Teams input ids, the emulator's fields), every
/// translator reading a payload, the typed chat grammar, and the engine's <c>Refusal.Field</c> use these and nothing else.
/// </summary>
public static class FieldNames
{
    // Raise
    public const string Title = "title";
    public const string Description = "description";
    public const string Category = "category";
    public const string Impact = "impact";
    public const string Urgency = "urgency";
    public const string Service = "service";

    // Handoff note (escalate)
    public const string Tried = "tried";
    public const string Outcome = "outcome";
    public const string Needs = "needs";

    /// <summary>A tier number: the target of an escalation (optional: the next tier) or of a reassignment.</summary>
    public const string Tier = "tier";

    /// <summary>A person's e-mail key (reassign).</summary>
    public const string Owner = "owner";

    public const string Resolution = "resolution";
    public const string Reason = "reason";
    public const string Note = "note";
    public const string Question = "question";
    public const string Vendor = "vendor";
    public const string Case = "case";

    /// <summary>What a vendor said on their case (optional: "they responded" alone is enough).</summary>
    public const string Update = "update";
    public const string Priority = "priority";
}
