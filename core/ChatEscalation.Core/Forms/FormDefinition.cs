namespace ChatEscalation.Core.Forms;

/// <summary>A form a button opens (or the raise form): what Slack shows as a modal, Teams as an <c>Action.ShowCard</c>, the emulator as a dialog.</summary>
/// <param name="Action">The action the form is sent with (<see cref="Notifications.TicketActions"/>).</param>
/// <param name="Title">The form's heading ("Escalate INC-000042" is built by renderers that add the ticket).</param>
/// <param name="Submit">The submit button's label.</param>
public sealed record FormDefinition(string Action, string Title, string Submit, IReadOnlyList<FormField> Fields);
