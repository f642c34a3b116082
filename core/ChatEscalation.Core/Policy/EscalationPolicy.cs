using ChatEscalation.Core.Calendars;
using ChatEscalation.Core.OnCall;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Policy;

/// <summary>The validated, compiled policy the engine decides with. Build it with <see cref="PolicyCompiler"/>.</summary>
/// <remarks>People are keyed by lower-case e-mail. The SLA terms per priority are copied onto each ticket at raise.</remarks>
public sealed class EscalationPolicy
{
    public required IReadOnlyList<TierPolicy> Tiers { get; init; }
    public required IReadOnlySet<string> Managers { get; init; }
    public required ChannelAddress ManagerChannel { get; init; }
    public required ChannelAddress OnCallChannel { get; init; }
    public required IReadOnlyDictionary<string, string> PeopleNames { get; init; }
    public required IReadOnlyList<CategoryPolicy> Categories { get; init; }
    public required string DefaultCategory { get; init; }
    public required IReadOnlyDictionary<(Impact, Urgency), Priority> Matrix { get; init; }
    public required VipPolicy Vips { get; init; }
    public required IReadOnlyList<CriticalService> CriticalServices { get; init; }
    public required IReadOnlyDictionary<Priority, SlaTerms> Terms { get; init; }
    public required IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; init; }
    public required BusinessCalendar Staffed { get; init; }
    public required TimeSpan RepageEvery { get; init; }
    public required int AttemptsPerLevel { get; init; }
    /// <summary>The slower cadence of pages to the managers once they have been paged <see cref="AttemptsPerLevel"/> times.</summary>
    public TimeSpan ManagerRepageEvery { get; init; } = TimeSpan.FromHours(1);
    public required bool HoldWhenUncovered { get; init; }
    public required IReadOnlyDictionary<string, OnCallRotation> Rotations { get; init; }
    public required IReadOnlyList<VendorPolicy> Vendors { get; init; }
    public required TimeSpan ReopenWindow { get; init; }
    public required int KnowledgeFromTier { get; init; }
    /// <summary>Major-incident detection and handling (<c>Policy:MajorIncident</c>).</summary>
    public MajorIncidentPolicy MajorIncident { get; init; } = MajorIncidentPolicy.Default;

    /// <summary>Tier 1 leads and managers: who reviews (publishes, edits, discards) knowledge-base drafts.</summary>
    public bool IsKnowledgeReviewer(UserRef user) => IsManager(user) || IsLead(user, Tiers[0].Level);

    public int MaxTier => Tiers[^1].Level;

    /// <summary>The vendor tier: the last tier when the policy lists vendors (vendor cases are linked there); null without vendors.</summary>
    public int? VendorTier => Vendors.Count > 0 && Tiers.Count > 1 ? MaxTier : null;

    /// <summary>The highest tier staffed by the desk itself: the one below the vendor tier, or the last tier without vendors.</summary>
    /// <remarks>The time trigger never moves a ticket above it (unless its category is covered by a vendor, see <see cref="VendorFor"/>):
    /// going to the vendor tier is a decision of this tier's people or of a manager.</remarks>
    public int TopInternalTier => VendorTier is { } vendor ? vendor - 1 : MaxTier;

    /// <summary>The vendor whose contract covers a category (<see cref="CategoryPolicy.Vendor"/>); null when none does or there is no vendor tier.</summary>
    public VendorPolicy? VendorFor(string category) =>
        VendorTier is null ? null
        : Categories.FirstOrDefault(c => string.Equals(c.Name, category, StringComparison.OrdinalIgnoreCase))?.Vendor is { } name ? Vendor(name) : null;

    /// <summary>Where the functional trigger moves a ticket of <paramref name="category"/> from <paramref name="tier"/>; null when the clock alone must not move it (the top internal tier, the vendor tier).</summary>
    public int? NextTierByClock(int tier, string category) =>
        tier < TopInternalTier ? tier + 1
        : tier == TopInternalTier && VendorTier is { } vendor && VendorFor(category) is not null ? vendor
        : null;

    public TierPolicy Tier(int level) => Tiers.First(t => t.Level == level);

    public string TierName(int level) => Tiers.FirstOrDefault(t => t.Level == level)?.Name ?? $"Tier {level}";

    public BusinessCalendar Calendar(string name) =>
        Calendars.TryGetValue(name, out var calendar) ? calendar : BusinessCalendar.AlwaysOpen(name);

    public Priority PriorityFor(Impact impact, Urgency urgency) => Matrix[(impact, urgency)];

    /// <summary>
    /// The impact and urgency that give <paramref name="priority"/> by the matrix (the highest impact first), for a person who names
    /// the priority they need ("ticket P1 …"); medium and medium when no cell gives it. The engine still routes from these axes.
    /// </summary>
    public (Impact Impact, Urgency Urgency) AxesFor(Priority priority)
    {
        foreach (var ((impact, urgency), p) in Matrix.OrderBy(e => e.Key.Item1).ThenBy(e => e.Key.Item2))
            if (p == priority) return (impact, urgency);
        return (Impact.Medium, Urgency.Medium);
    }

    public bool IsManager(UserRef user) => Managers.Contains(user.Key.ToLowerInvariant());

    public bool IsLead(UserRef user, int tier) =>
        Tiers.FirstOrDefault(t => t.Level == tier)?.Leads.Contains(user.Key.ToLowerInvariant()) == true;

    public bool IsTierMember(UserRef user, int tier)
    {
        var t = Tiers.FirstOrDefault(x => x.Level == tier);
        var key = user.Key.ToLowerInvariant();
        return t is not null && (t.Members.Contains(key) || t.Leads.Contains(key));
    }

    /// <summary>Anybody the policy names: a technician, a lead or a manager.</summary>
    public bool IsStaff(UserRef user) => IsManager(user) || Tiers.Any(t => IsTierMember(user, t.Level));

    /// <summary>The tiers a person works in, lowest first.</summary>
    public IReadOnlyList<int> TiersOf(UserRef user) => Tiers.Where(t => IsTierMember(user, t.Level)).Select(t => t.Level).ToList();

    /// <summary>
    /// <paramref name="user"/> under the name the policy gives them when the policy names them (whatever the platform calls
    /// them: a Slack display name, a Teams name, a bare id when a lookup failed); anybody else unchanged.
    /// </summary>
    public UserRef Named(UserRef user) => PeopleNames.ContainsKey(user.Key.ToLowerInvariant()) ? Person(user.Key) : user;

    /// <summary>The tiers a person works in, in words: "Tier 1 lead, Tier 3"; empty for somebody in no tier.</summary>
    public string TierRoles(UserRef user) =>
        string.Join(", ", TiersOf(user).Select(t => IsLead(user, t) ? $"Tier {t} lead" : $"Tier {t}"));

    /// <summary>
    /// A person with their role for a message: "Carol (Tier 2 – Desktop &amp; Apps)", "Maria (manager)"; a name that already says
    /// a role in brackets (the demo policy's "Carol (Tier 2)") is not labelled twice.
    /// </summary>
    public string Describe(UserRef user)
    {
        if (user.Name.Contains('(', StringComparison.Ordinal)) return user.Name;
        if (IsManager(user)) return $"{user.Name} (manager)";
        return TiersOf(user) is [var tier, ..] ? $"{user.Name} ({TierName(tier)})" : user.Name;
    }

    public UserRef Person(string email) =>
        new(email.ToLowerInvariant(), PeopleNames.TryGetValue(email.ToLowerInvariant(), out var name) ? name : email);

    public OnCallRotation? RotationFor(int tier)
    {
        var name = Tiers.FirstOrDefault(t => t.Level == tier)?.Rotation;
        return name is not null && Rotations.TryGetValue(name, out var rotation) ? rotation : null;
    }

    public VendorPolicy? Vendor(string name) =>
        Vendors.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}
