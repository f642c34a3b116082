using ChatEscalation.Core.Policy;

namespace ChatEscalation.Bot.Local;

/// <summary>Someone the emulator lets you play: a person from the policy with their role in words.</summary>
public sealed record LocalPerson(string Key, string Name, string Role, bool IsStaff, bool IsManager, bool IsVip, IReadOnlyList<int> Tiers)
{
    /// <summary>Everybody the policy names, staff by tier first, then managers, then end users.</summary>
    public static IReadOnlyList<LocalPerson> From(EscalationPolicy policy) =>
        policy.PeopleNames
            .Select(p =>
            {
                var user = policy.Person(p.Key);
                var tiers = policy.TiersOf(user);
                var manager = policy.IsManager(user);
                var vip = policy.Vips.People.Contains(p.Key);
                var role = manager ? "IT manager"
                    : tiers.Count > 0 ? string.Join(", ", tiers.Select(t => policy.IsLead(user, t) ? $"Tier {t} lead" : $"Tier {t}"))
                    : vip ? "End user (VIP)" : "End user";
                return new LocalPerson(p.Key, p.Value, role, tiers.Count > 0 || manager, manager, vip, tiers);
            })
            .OrderBy(p => p.IsStaff ? 0 : -1).ThenBy(p => p.Tiers.Count == 0 ? 99 : p.Tiers[0]).ThenBy(p => p.IsManager).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
}
