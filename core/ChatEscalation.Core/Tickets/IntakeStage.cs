namespace ChatEscalation.Core.Tickets;

/// <summary>Where a new ticket is in its intake: the knowledge step that runs after the raise is committed.</summary>
/// <remarks>While not <see cref="Done"/> the ticket's card is held back from the queue (see <see cref="Ticket.IntakeUntil"/>).</remarks>
public enum IntakeStage
{
    /// <summary>The card went to the queue (or the ticket never waited for the knowledge step).</summary>
    Done,

    /// <summary>Raised; the search for suggestions and similar open tickets has not run yet.</summary>
    Searching,

    /// <summary>A similar open ticket was offered to the reporter ("Same problem?"); waiting for the answer.</summary>
    Asking,
}
