namespace ChatEscalation.Core.Forms;

/// <summary>One choice of a form's drop-down: the value sent back and the label a person reads.</summary>
public sealed record FormChoice(string Value, string Label);
