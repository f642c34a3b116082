namespace ChatEscalation.Core.Notifications;

/// <summary>Something the engine wants said; delivered later by the outbox, never by the engine.</summary>
/// <param name="Text">Plain text (no markup): renderers escape it for their platform.</param>
/// <param name="Actions">Button ids from <see cref="TicketActions"/> to offer with the message.</param>
/// <param name="Urgent">Pages and breaches: renderers may highlight or mention.</param>
public sealed record Notification(NotificationKind Kind, Audience To, string Text, IReadOnlyList<string> Actions, bool Urgent = false)
{
    public static Notification Card(Audience to) => new(NotificationKind.Card, to, "", []);
    public static Notification Thread(Audience to, string text) => new(NotificationKind.ThreadUpdate, to, text, []);
    public static Notification Direct(Audience to, string text, params string[] actions) => new(NotificationKind.Direct, to, text, actions);
    public static Notification Alert(Audience to, string text, bool urgent, params string[] actions) => new(NotificationKind.Alert, to, text, actions, urgent);
}
