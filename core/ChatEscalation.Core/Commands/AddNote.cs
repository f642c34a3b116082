using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Add a work note (staff) or a comment (reporter); a reporter's comment resumes a ticket waiting on them.</summary>
/// <param name="Text">The note. From staff, a text starting with <see cref="InternalPrefix"/> is an internal work note: the reporter is not told.</param>
/// <param name="InSourceThread">Written in the ticket's <see cref="Ticket.SourceThread"/>: it is not posted there again.</param>
public sealed record AddNote(UserRef Actor, string Text, bool InSourceThread = false) : TicketCommand(Actor)
{
    /// <summary>How staff mark a note internal (any case): <c>note INC-42 internal: checked the proxy logs</c>.</summary>
    public const string InternalPrefix = "internal:";
}
