using System.Globalization;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Knowledge;

/// <summary>Something that fixed a similar problem, offered to a reporter and shown on the Tier 1 card.</summary>
/// <param name="Reference">The article's id (<see cref="SuggestionSource.Article"/>) or the resolved ticket's number.</param>
/// <param name="Title">The article's or the resolved ticket's title.</param>
/// <param name="Excerpt">A short part of the article or of the fix, plain text.</param>
/// <param name="SourceTicket">The ticket whose fix it is (for an article: the ticket it was written from).</param>
public sealed record Suggestion(SuggestionSource Source, long Reference, string Title, string Excerpt, long SourceTicket)
{
    /// <summary>The longest excerpt kept, in characters.</summary>
    public const int MaxExcerpt = 240;

    /// <summary>How people refer to it: <c>KB-7</c> for an article, <c>INC-000012</c> for a resolved ticket.</summary>
    public string Label => Source == SuggestionSource.Article ? $"KB-{Reference.ToString(CultureInfo.InvariantCulture)}" : TicketKey.Format(Reference);
}
