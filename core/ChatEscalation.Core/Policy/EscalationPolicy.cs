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

    public TierPolicy Tier(int level) => Tiers.First(t => t.Level == level);

    public string TierName(int level) => Tiers.FirstOrDefault(t => t.Level == level)?.Name ?? $"Tier {level}";

    public BusinessCalendar Calendar(string name) =>
        Calendars.TryGetValue(name, out var calendar) ? calendar : BusinessCalendar.AlwaysOpen(name);

    public Priority PriorityFor(Impact impact, Urgency urgency) => Matrix[(impact, urgency)];

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
