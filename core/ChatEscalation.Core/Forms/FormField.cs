namespace ChatEscalation.Core.Forms;

/// <summary>One field of a form, for every renderer to draw the same way.</summary>
/// <param name="Name">The field's <see cref="FieldNames"/> name: the input id everywhere and the engine's <c>Refusal.Field</c>.</param>
/// <param name="Label">What the person reads above the field.</param>
/// <param name="Required">Whether the form may not be sent without it (the engine checks again).</param>
/// <param name="MaxLength">Longest text accepted (text fields), in characters.</param>
/// <param name="Placeholder">A hint shown in an empty text field.</param>
/// <param name="Choices">The choices of a <see cref="FormFieldKind.Choice"/> field, in display order.</param>
/// <param name="Value">The value the field starts with (a prefilled raise form, a guessed category), or null.</param>
public sealed record FormField(
    string Name,
    string Label,
    FormFieldKind Kind,
    bool Required,
    int MaxLength = 0,
    string? Placeholder = null,
    IReadOnlyList<FormChoice>? Choices = null,
    string? Value = null);
