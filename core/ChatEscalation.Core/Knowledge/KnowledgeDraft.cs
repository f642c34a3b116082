using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Knowledge;

/// <summary>The knowledge-base draft a resolution from the knowledge tier up produced, and what its review made of it.</summary>
/// <param name="FromTier">The tier that resolved the ticket.</param>
/// <param name="Author">Who wrote the fix.</param>
/// <param name="At">When the draft was written (the resolution's instant).</param>
/// <param name="ReviewedBy">The Tier 1 lead or manager who published or discarded it.</param>
public sealed record KnowledgeDraft(
    string Title,
    string Body,
    int FromTier,
    UserRef Author,
    DateTimeOffset At,
    DraftState State = DraftState.Pending,
    UserRef? ReviewedBy = null,
    DateTimeOffset? ReviewedAt = null);
