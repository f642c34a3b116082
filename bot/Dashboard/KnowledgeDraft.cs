namespace ChatEscalation.Bot.Dashboard;

/// <summary>One knowledge-base draft as the dashboard shows it.</summary>
/// <param name="Status">Pending (waiting for a Tier 1 lead), Published (suggested at intake) or Discarded.</param>
/// <param name="ReviewedBy">Who published or discarded it; null while pending.</param>
public sealed record KnowledgeDraft(long Ticket, string Key, string Title, string Category, string Fix, int FromTier, string TierName, string Author, DateTimeOffset At,
    string Status, string? ReviewedBy);
