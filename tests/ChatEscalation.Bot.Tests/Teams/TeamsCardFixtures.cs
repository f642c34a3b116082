using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Tests.Local;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Tests.Teams;

/// <summary>Ticket views in every state a Teams card can show, plus the people and options around them.</summary>
internal static class TeamsCardFixtures
{
    public static readonly DateTimeOffset Due = new(2031, 3, 4, 14, 30, 0, TimeSpan.Zero);
    public static readonly UserRef Reporter = new("rita@example.com", "Rita Reporter");
    public static readonly UserRef Tech = new("tom@example.com", "Tom Tech");
    public static readonly UserRef Manager = new("mia@example.com", "Mia Manager");
    public static readonly HandoffNote Note = new("Restarted the VPN client and reinstalled it", "Still drops every 10 minutes", "Check the concentrator logs");

    /// <summary>A desk's reassign choices: four tiers and a long staff list (100 people, the most a form lists, plus more that are cut).</summary>
    public static ReassignChoices Reassign { get; } = new(
        [new("1", "Tier 1 · Service Desk"), new("2", "Tier 2 · Desktop & Apps"), new("3", "Tier 3 · Infrastructure"), new("4", "Tier 4 · Vendors")],
        [new("tom@example.com", "Tom Tech (Tier 1)"), .. Enumerable.Range(1, 120).Select(i => new FormChoice($"tech{i}@example.com", $"Technician number {i} (Tier 2)"))]);

    public static TeamsCardOptions Options(IReadOnlyList<string>? refresh = null, IReadOnlyList<UserRef>? mentioned = null, ReassignChoices? reassign = null) => new(
        "https://desk.example.com/",
        p => p.Key switch
        {
            "tom@example.com" => new TeamsMention("29:tom", "Tom Tech"),
            "mia@example.com" => new TeamsMention("00000000-0000-0000-0000-0000000000aa", "Mia Manager"),
            _ => null,
        },
        mentioned,
        refresh,
        Forms(reassign));

    /// <summary>
    /// The forms of every button, as the engine defines them for the demo policy; the Reassign form (tiers and people) only with
    /// <paramref name="reassign"/>, whose choices it offers.
    /// </summary>
    public static IReadOnlyDictionary<string, FormDefinition> Forms(ReassignChoices? reassign)
    {
        var forms = TicketForms.ForAll(TicketActions.All, LocalFixtures.Policy).Where(f => f.Key != TicketActions.Reassign).ToDictionary();
        if (reassign is not null)
        {
            var form = TicketForms.For(TicketActions.Reassign, LocalFixtures.Policy)!;
            forms[TicketActions.Reassign] = form with
            {
                Fields = form.Fields.Select(f => f.Name switch
                {
                    FieldNames.Tier => f with { Choices = reassign.Tiers },
                    FieldNames.Owner => f with { Choices = reassign.People },
                    _ => f,
                }).ToList(),
            };
        }

        return forms;
    }

    public static TicketCardView Queued() => new(
        "INC-000042", 42, "VPN drops every 10 minutes", "Since this morning the VPN disconnects.", "Network", Priority.P2,
        "P2: medium impact, high urgency", 1, "Service Desk", Reporter, null, TicketStatus.Queued,
        "Waiting for a Service Desk technician to accept", null, false, false, Due, SlaState.OnTrack, "4h left",
        null, null, null, null, [TicketActions.Accept, TicketActions.Escalate, TicketActions.EscalateManager], 1);

    public static TicketCardView Accepted() => Queued() with
    {
        Owner = Tech, Status = TicketStatus.Accepted, StatusText = "In progress with Tom Tech", Version = 2,
        Actions = [TicketActions.Escalate, TicketActions.Resolve, TicketActions.EscalateManager],
    };

    public static TicketCardView Escalated() => Queued() with
    {
        Tier = 2, TierName = "Network team", LastHandoff = Note, Version = 3, SlaState = SlaState.Warning, SlaText = "1h left (warning)",
    };

    public static TicketCardView Waiting() => Accepted() with
    {
        Status = TicketStatus.WaitingOnUser, StatusText = "Waiting on Rita Reporter (SLA paused)", SlaDueAt = null,
        SlaState = SlaState.Paused, SlaText = "Paused while waiting on the user",
    };

    public static TicketCardView Resolved() => Accepted() with
    {
        Status = TicketStatus.Resolved, StatusText = "Resolved by Tom Tech", SlaDueAt = null, SlaState = SlaState.Met,
        SlaText = "Resolved within target", Resolution = "Replaced the firmware on the concentrator.", LastHandoff = Note,
        Actions = [TicketActions.Reopen],
    };

    public static TicketCardView Breached() => Accepted() with
    {
        Priority = Priority.P1, SlaState = SlaState.Breached, SlaText = "Breached 20 minutes ago", IsVip = true, IsCriticalService = true,
        AffectedService = "VPN",
    };

    public static TicketCardView Paged() => Queued() with
    {
        PagingText = "Paging Tom Tech (page 2)",
        Actions = [TicketActions.Accept, TicketActions.AckPage, TicketActions.Escalate, TicketActions.EscalateManager],
    };

    public static TicketCardView Vendor() => Accepted() with
    {
        Tier = 4, TierName = "Vendors",
        Vendor = new VendorCase("Acme Networks", "Gold", "ACME-7781", Due.AddHours(-5), Due.AddHours(-4), Due.AddDays(2), Due.AddHours(1)),
        StatusText = "With Tom Tech; waiting on Acme Networks (case ACME-7781)",
    };

    public static TicketCardView LongText()
    {
        var words = string.Concat(Enumerable.Repeat("The VPN <at>drops</at> {{DATE(x)}} again and again with émojis 🚀 and \"quotes\". ", 900));
        return Escalated() with
        {
            Title = words[..600], Description = words, RoutingReason = words,
            LastHandoff = new HandoffNote(words, words, words), Resolution = words,
        };
    }

    public static IEnumerable<(string Name, TicketCardView View)> AllViews() =>
    [
        ("queued", Queued()), ("accepted", Accepted()), ("escalated", Escalated()), ("waiting", Waiting()), ("resolved", Resolved()),
        ("breached", Breached()), ("paged", Paged()), ("vendor", Vendor()), ("long", LongText()),
    ];
}
