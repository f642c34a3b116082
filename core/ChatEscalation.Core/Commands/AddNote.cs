using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>Add a work note (staff) or a comment (reporter); a reporter's comment resumes a ticket waiting on them.</summary>
public sealed record AddNote(UserRef Actor, string Text) : TicketCommand(Actor);
