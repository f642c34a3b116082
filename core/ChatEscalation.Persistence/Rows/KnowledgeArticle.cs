using ChatEscalation.Core.Knowledge;

namespace ChatEscalation.Persistence.Rows;

/// <summary>
/// A knowledge-base article: written as a draft for the Tier 1 leads when a decision contains a <c>KnowledgeDrafted</c> event, then
/// published (searchable, suggested at intake) or discarded by their review. It carries its source ticket, its author and the tier.
/// </summary>
public sealed class KnowledgeArticle
{
    public long Id { get; set; }
    /// <summary>The ticket whose fix it was written from.</summary>
    public long TicketNumber { get; set; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The tier that resolved the source ticket.</summary>
    public int FromTier { get; set; }
    public string AuthorKey { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DraftState Status { get; set; }
    /// <summary>The Tier 1 lead or manager who published or discarded it.</summary>
    public string? ReviewedByKey { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
}
