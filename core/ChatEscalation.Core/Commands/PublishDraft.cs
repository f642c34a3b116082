using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Commands;

/// <summary>A Tier 1 lead (or a manager) publishes the ticket's knowledge-base draft, as written or with a new title and text.</summary>
/// <param name="Title">The article's title; null keeps the draft's.</param>
/// <param name="Body">The article's text; null keeps the draft's.</param>
public sealed record PublishDraft(UserRef Actor, string? Title = null, string? Body = null) : TicketCommand(Actor);
