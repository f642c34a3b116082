using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Policy;

/// <summary>Compiled major-incident rules (<c>Policy:MajorIncident</c>).</summary>
/// <param name="Reports">Distinct people affected within <paramref name="Window"/> that make a major incident.</param>
/// <param name="Window">Wall-clock window for counting reports and for offering an open ticket as the same problem.</param>
/// <param name="Priority">What a major incident's priority is raised to.</param>
/// <param name="OpenAtTier">The lowest tier a major incident is handled at; null keeps its tier.</param>
/// <param name="AskFor">How long a report waits for its reporter's "Same problem?" answer before it goes to the queue.</param>
public sealed record MajorIncidentPolicy(int Reports, TimeSpan Window, Priority Priority, int? OpenAtTier, TimeSpan AskFor)
{
    /// <summary>10 people in 30 minutes, P1, tier unchanged, 5 minutes to answer.</summary>
    public static MajorIncidentPolicy Default { get; } = new(10, TimeSpan.FromMinutes(30), Priority.P1, null, TimeSpan.FromMinutes(5));
}
