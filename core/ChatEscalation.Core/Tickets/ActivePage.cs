namespace ChatEscalation.Core.Tickets;

/// <summary>An after-hours page in progress for a ticket.</summary>
/// <param name="Tier">The tier whose on-call rotation is paged.</param>
/// <param name="Level">0 = the rotation's first layer (primary), 1 = the next layer …; the last level is the managers.</param>
/// <param name="Person">Who is paged at this level (e-mail key); null at the manager level, which pages the manager channel.</param>
/// <param name="Attempt">1 for the first page at this level, 2 for the first re-page …</param>
/// <param name="NextAt">When the next re-page (or the move to the next level) falls due, UTC.</param>
public sealed record ActivePage(int Tier, int Level, string? Person, int Attempt, DateTimeOffset StartedAt, DateTimeOffset NextAt);
