using ChatEscalation.Core.Engine;

namespace ChatEscalation.Core.Views;

/// <summary>One line of the what-if timeline as people read it.</summary>
/// <param name="Who">Who hears it, by name ("Carol (Tier 2)", "Managers' channel", "Tier 2 – Desktop &amp; Apps queue"); null for an event of the audit trail.</param>
/// <param name="Entry">The dry run's line it shows.</param>
public sealed record TimelineLine(TimelineEntry Entry, TimelineTopic Topic, string? Who, bool Late);
