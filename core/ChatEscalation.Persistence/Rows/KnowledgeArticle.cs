namespace ChatEscalation.Persistence.Rows;

/// <summary>A knowledge-base draft for Tier 1, written when a decision contains a <c>KnowledgeDrafted</c> event.</summary>
public sealed class KnowledgeArticle
{
    public long Id { get; set; }
    public long TicketNumber { get; set; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = "";
    public string Body { get; set; } = "";
    public int FromTier { get; set; }
    public string AuthorKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
