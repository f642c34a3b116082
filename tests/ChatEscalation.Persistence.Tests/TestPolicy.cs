using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Policy.Options;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Persistence.Tests;

/// <summary>A realistic four-tier policy: members and leads, managers, a London business calendar, channels on several platforms.</summary>
public static class TestPolicy
{
    /// <summary>Monday 2 March 2026, 10:00 in London (GMT): inside business hours.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static readonly UserRef Uma = new("uma@demo.local", "Uma");
    public static readonly UserRef Alice = new("alice@demo.local", "Alice");
    public static readonly UserRef Carol = new("carol@demo.local", "Carol");
    public static readonly UserRef Erin = new("erin@demo.local", "Erin");

    /// <summary>Extra Tier 1 technicians for the accept race: t1-01 … t1-24.</summary>
    public static IReadOnlyList<UserRef> Tier1Crowd { get; } =
        Enumerable.Range(1, 24).Select(i => new UserRef($"t1-{i:00}@demo.local", $"Tech {i:00}")).ToList();

    public static EscalationPolicy Policy { get; } = Build();

    private static EscalationPolicy Build()
    {
        var options = new PolicyOptions
        {
            Tiers =
            [
                new() { Level = 1, Name = "Tier 1", Members = ["alice@demo.local", "bob@demo.local", .. Tier1Crowd.Select(u => u.Key)], Leads = ["lena@demo.local"],
                        Channel = new() { Slack = "C-TIER1", Teams = "19:tier1@thread.tacv2", Local = "tier-1" } },
                new() { Level = 2, Name = "Tier 2", Members = ["carol@demo.local", "dave@demo.local"], Leads = ["mike@demo.local"],
                        Channel = new() { Slack = "C-TIER2", Local = "tier-2" } },
                new() { Level = 3, Name = "Tier 3", Members = ["erin@demo.local", "frank@demo.local"], Leads = ["frank@demo.local"],
                        Channel = new() { Local = "tier-3" } },
                new() { Level = 4, Name = "Tier 4", Members = ["gina@demo.local"], Leads = ["gina@demo.local"], Channel = new() { Local = "tier-4" } },
            ],
            Managers = ["maria@demo.local"],
            ManagerChannel = new() { Slack = "C-MANAGERS", Local = "it-managers" },
            OnCallChannel = new() { Local = "on-call" },
            People = [new() { Email = "lena@demo.local", Name = "Lena" }, new() { Email = "maria@demo.local", Name = "Maria" }],
            Categories = new(StringComparer.OrdinalIgnoreCase)
            {
                ["Network"] = new() { DefaultTier = 1, Keywords = ["vpn", "wifi"] },
                ["General"] = new() { DefaultTier = 1 },
            },
            Calendars = new(StringComparer.OrdinalIgnoreCase)
            {
                ["business"] = new() { TimeZone = "Europe/London", Hours = new(StringComparer.OrdinalIgnoreCase) { ["Mon-Fri"] = "08:00-18:00" } },
            },
            KnowledgeFromTier = 2,
        };
        var compiled = PolicyCompiler.Compile(options);
        if (!compiled.IsValid) throw new InvalidOperationException(string.Join(Environment.NewLine, compiled.Errors));
        return compiled.Policy!;
    }
}
