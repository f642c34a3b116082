namespace ChatEscalation.Core.Knowledge;

/// <summary>Where a knowledge-base draft stands in its review by the Tier 1 lead.</summary>
public enum DraftState
{
    /// <summary>Written from a fix at Tier 2 or above; waiting for a Tier 1 lead.</summary>
    Pending,

    /// <summary>Published: searchable and suggested to people with similar problems.</summary>
    Published,

    /// <summary>Discarded by a reviewer; never suggested.</summary>
    Discarded,
}
