namespace ChatEscalation.Core.Notifications;

/// <summary>The shape of a message; renderers turn each into Block Kit, an Adaptive Card or HTML.</summary>
public enum NotificationKind
{
    /// <summary>The ticket card in a channel: posted the first time, edited in place afterwards.</summary>
    Card,
    /// <summary>A short status line in the thread of the ticket's card in that channel.</summary>
    ThreadUpdate,
    /// <summary>A direct message to a person: the reporter's status update, a lead's warning, a page.</summary>
    Direct,
    /// <summary>A message about the ticket in the manager or on-call channel, with action buttons.</summary>
    Alert,
    /// <summary>
    /// The bot's answer to the person who just wrote or clicked, in the conversation they used (a thread, a DM, an ephemeral).
    /// Written by the shell next to the command's decision; the engine never emits it.
    /// </summary>
    Reply,
}
