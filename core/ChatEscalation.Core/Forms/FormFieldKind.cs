namespace ChatEscalation.Core.Forms;

/// <summary>How a form field is entered.</summary>
public enum FormFieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    Multiline,

    /// <summary>One of <see cref="FormField.Choices"/>.</summary>
    Choice,
}
