using ChatEscalation.Core.Policy;

namespace ChatEscalation.Bot.Local;

/// <summary>Someone the emulator lets you play: a person from the policy with their role in words.</summary>
public sealed record LocalPerson(string Key, string Name, string Role, bool IsStaff, bool IsManager, bool IsVip, IReadOnlyList<int> Tiers)
{
    /// <summary>
    /// Everybody the policy names, staff by tier first, then managers, then end users; whoever a rotation has on call at
    /// <paramref name="now"/> says so in their role ("Tier 2, on call (primary)"), so the page can be played as the on-call person.
    /// </summary>
    public static IReadOnlyList<LocalPerson> From(EscalationPolicy policy, DateTimeOffset now) =>
        policy.PeopleNames
            .Select(p =>
            {
                var user = policy.Person(p.Key);
                var tiers = policy.TiersOf(user);
                var manager = policy.IsManager(user);
                var vip = policy.Vips.People.Contains(p.Key);
                var role = manager ? "IT manager"
                    : tiers.Count > 0 ? policy.TierRoles(user)
                    : vip ? "End user (VIP)" : "End user";
                var onCall = OnCallLayers(policy, p.Key, now);
                if (onCall.Count > 0) role += $", on call ({string.Join(", ", onCall)})";
                return new LocalPerson(p.Key, p.Value, role, tiers.Count > 0 || manager, manager, vip, tiers);
            })
            .OrderBy(p => p.IsStaff ? 0 : -1).ThenBy(p => p.Tiers.Count == 0 ? 99 : p.Tiers[0]).ThenBy(p => p.IsManager).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    private static List<string> OnCallLayers(EscalationPolicy policy, string key, DateTimeOffset now) =>
        policy.Tiers
            .Select(t => policy.RotationFor(t.Level))
            .OfType<Core.OnCall.OnCallRotation>()
            .Distinct()
            .SelectMany(r => r.Layers.Select((layer, i) => (layer.Name, Person: r.WhoIsOnCall(i, now))))
            .Where(x => string.Equals(x.Person, key, StringComparison.OrdinalIgnoreCase))
            .Select(x => x.Name)
            .ToList();
}
