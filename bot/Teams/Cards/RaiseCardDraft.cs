using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>The "raise a ticket" form, prefilled with what could be guessed from a chat message.</summary>
/// <param name="Title">Prefilled title (the message, cut to the title length).</param>
/// <param name="Description">Prefilled description (the full message).</param>
/// <param name="Category">Guessed category, one of <paramref name="Categories"/>, or null.</param>
/// <param name="Categories">The categories the policy knows, in display order.</param>
public sealed record RaiseCardDraft(string Title, string Description, string? Category, IReadOnlyList<string> Categories, Impact Impact = Impact.Medium, Urgency Urgency = Urgency.Medium);
