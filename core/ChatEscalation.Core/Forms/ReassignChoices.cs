using System.Globalization;
using ChatEscalation.Core.Policy;

namespace ChatEscalation.Core.Forms;

/// <summary>
/// What a reassign form offers a manager: every tier (value: the level) and every person on the support team
/// (value: the e-mail key the policy names them by, label: name and role), lowest tier first, managers last.
/// </summary>
public sealed record ReassignChoices(IReadOnlyList<FormChoice> Tiers, IReadOnlyList<FormChoice> People)
{
    public static ReassignChoices From(EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var tiers = policy.Tiers
            .Select(t => new FormChoice(t.Level.ToString(CultureInfo.InvariantCulture), $"Tier {t.Level} · {t.Name}"))
            .ToList();
        var people = policy.PeopleNames
            .Select(p => (Person: policy.Person(p.Key), Tiers: policy.TiersOf(policy.Person(p.Key))))
            .Where(p => p.Tiers.Count > 0 || policy.IsManager(p.Person))
            .OrderBy(p => p.Tiers.Count == 0 ? int.MaxValue : p.Tiers[0])
            .ThenBy(p => p.Person.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => new FormChoice(p.Person.Key, Label(p.Person.Name, p.Tiers.Count == 0 ? "manager" : policy.TierRoles(p.Person))))
            .ToList();
        return new ReassignChoices(tiers, people);
    }

    /// <summary>"Carol (Tier 2)"; a name that already says the role (the demo policy's "Carol (Tier 2)") is not repeated.</summary>
    private static string Label(string name, string role) =>
        name.Contains(role, StringComparison.OrdinalIgnoreCase) ? name : $"{name} ({role})";
}
