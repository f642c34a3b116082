using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Views;

/// <summary>Whose home a ticket change alters (pure): the people to republish for.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>The reporter and the owner before and after (their "open tickets" list).</item>
/// <item>When the ticket was or is unaccepted in a queue: every member and lead of the tier it was in and of the tier it is in (their queue).</item>
/// <item>When it is at risk or breached now, or was noted as nearing or past its target (a manager was pinged, a breach recorded), and
/// so may just have left the list: the managers.</item>
/// </list>
/// Keys are lower case (the policy's e-mail keys, or a platform id for people outside it).
/// </remarks>
public static class HomeAudience
{
    public static IReadOnlySet<string> Concerned(HomeChange change, EscalationPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var t = change.After;
        var keys = new HashSet<string>(StringComparer.Ordinal) { t.Reporter.Key.ToLowerInvariant() };
        if (t.Owner is { } owner) keys.Add(owner.Key.ToLowerInvariant());
        if (change.OwnerBefore is { Length: > 0 } before) keys.Add(before.ToLowerInvariant());

        var wasQueued = change.StatusBefore is null or TicketStatus.Queued;
        if (wasQueued || HomeViews.IsUnaccepted(t))
        {
            foreach (var level in new[] { change.TierBefore ?? t.Tier, t.Tier }.Distinct())
            {
                if (policy.Tiers.FirstOrDefault(x => x.Level == level) is not { } tier) continue;
                keys.UnionWith(tier.Members);
                keys.UnionWith(tier.Leads);
            }
        }

        if (Risky(t, policy, now)) keys.UnionWith(policy.Managers);
        return keys;
    }

    /// <summary>At risk or breached now, or marked as having neared or passed its target at some tier.</summary>
    private static bool Risky(Ticket t, EscalationPolicy policy, DateTimeOffset now) =>
        t.Marks.Any(m => m == Engine.Marks.Breached || m.StartsWith("manager:", StringComparison.Ordinal) || m.StartsWith("breach:", StringComparison.Ordinal))
        || t.IsOpen && TicketViews.Card(t, policy, now).SlaState is SlaState.AtRisk or SlaState.Breached;
}
