using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Incidents;

/// <summary>Another person's report linked to a ticket: they are affected by the same problem and get its updates.</summary>
/// <param name="Origin">Where they reported it (<c>slack</c>, <c>teams</c>, <c>local</c>); their updates go there.</param>
/// <param name="TicketNumber">Their own ticket, now linked to this one.</param>
/// <param name="At">When it was linked.</param>
public sealed record AffectedReport(UserRef Person, string Origin, long TicketNumber, DateTimeOffset At);
