namespace ChatEscalation.Core.Views;

/// <summary>The what-if timeline in a few figures, shown before it: when the first page and the first breach happen, who is woken and how often.</summary>
/// <param name="Late">Lines that say they fired late; a dry run of a bot that runs all along has none.</param>
public sealed record TimelineSummary(
    DateTimeOffset? FirstPageAt,
    DateTimeOffset? FirstWarningAt,
    DateTimeOffset? FirstBreachAt,
    IReadOnlyList<WokenPerson> Woken,
    int Pages,
    int Escalations,
    int Warnings,
    int Messages,
    int Late,
    int FinalTier);
