using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Events;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;

namespace ChatEscalation.Core.Views;

/// <summary>Turns the engine's dry run (<see cref="DryRun"/>) into what the what-if page shows: named audiences, topics and a summary.</summary>
public static class TimelineViews
{
    /// <summary>Every line of <paramref name="entries"/> with its topic and the audience by name.</summary>
    public static IReadOnlyList<TimelineLine> Lines(IReadOnlyList<TimelineEntry> entries, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(policy);
        return entries.Select(e => new TimelineLine(e, Topic(e), e.To is { } to ? AudienceName(to, policy) : null,
            e.Late is not null || e.What.StartsWith("(Late by", StringComparison.Ordinal))).ToList();
    }

    /// <summary>The figures shown before the timeline.</summary>
    public static TimelineSummary Summarize(IReadOnlyList<TimelineLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var woken = lines.Where(IsPageToSomebody)
            .GroupBy(l => l.Who!)
            .Select(g => new WokenPerson(g.Key, g.Count(), g.Min(l => l.Entry.At)))
            .OrderBy(w => w.FirstAt).ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
        DateTimeOffset? First(EventKind kind) => lines.FirstOrDefault(l => l.Entry.Event == kind)?.Entry.At;
        return new TimelineSummary(
            First(EventKind.Paged),
            lines.FirstOrDefault(l => l.Entry.Event is EventKind.SlaWarned or EventKind.ManagerPinged)?.Entry.At,
            First(EventKind.SlaBreached),
            woken,
            lines.Count(l => l.Entry.Event == EventKind.Paged),
            lines.Count(l => l.Entry.Event is EventKind.AutoEscalated or EventKind.Escalated or EventKind.Reassigned),
            lines.Count(l => l.Entry.Event is not null && l.Topic == TimelineTopic.Warning),
            lines.Count(l => l.Entry.Event is null),
            lines.Count(l => l.Late),
            lines.Count == 0 ? 0 : lines[^1].Entry.Tier);
    }

    /// <summary>An audience as people name it: the person's name, "Managers' channel", "On-call channel", "Tier 2 – Desktop &amp; Apps queue".</summary>
    public static string AudienceName(Audience to, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(policy);
        return to.Kind switch
        {
            AudienceKind.Person => to.Person is { } p ? policy.Named(p).Name : "a person",
            AudienceKind.ManagerChannel => "Managers' channel",
            AudienceKind.OnCallChannel => "On-call channel",
            AudienceKind.SourceThread => "The thread it was raised from",
            _ => $"{policy.TierName(to.Tier)} queue",
        };
    }

    /// <summary>A page that reaches somebody: a direct page to a person, or a page in the managers' channel.</summary>
    private static bool IsPageToSomebody(TimelineLine l) =>
        l.Topic == TimelineTopic.Page && l.Who is not null && l.Entry.Actions?.Contains(TicketActions.AckPage) == true
        && l.Entry.To?.Kind is AudienceKind.Person or AudienceKind.ManagerChannel;

    private static TimelineTopic Topic(TimelineEntry e) => e.Event switch
    {
        EventKind.Paged or EventKind.PageAcknowledged or EventKind.PageEnded or EventKind.CoverageGap or EventKind.Held => TimelineTopic.Page,
        EventKind.SlaWarned or EventKind.ManagerPinged or EventKind.SlaBreached or EventKind.QueueReminded or EventKind.VendorOverdue
            or EventKind.TopTierTimedOut => TimelineTopic.Warning,
        EventKind.Raised or EventKind.AutoEscalated or EventKind.Escalated or EventKind.Reassigned => TimelineTopic.Escalation,
        not null => TimelineTopic.Message,
        null when e.Actions?.Contains(TicketActions.AckPage) == true || e.To?.Kind == AudienceKind.OnCallChannel => TimelineTopic.Page,
        null when e.Urgent || e.To?.Kind == AudienceKind.ManagerChannel => TimelineTopic.Warning,
        null => TimelineTopic.Message,
    };
}
