namespace ChatEscalation.Bot.Dashboard;

/// <summary>One knowledge-base draft as the dashboard shows it.</summary>
public sealed record KnowledgeDraft(long Ticket, string Key, string Title, string Category, string Fix, int FromTier, string TierName, string Author, DateTimeOffset At);
