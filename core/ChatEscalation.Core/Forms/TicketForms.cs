using System.Globalization;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Engine;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Forms;

/// <summary>
/// The form vocabulary in one place: what each action's form asks (<see cref="For"/>, <see cref="Raise"/>), and the one pure
/// function from a submitted form to the engine's command (<see cref="ToCommand"/>, <see cref="ToRaise"/>).
/// </summary>
/// <remarks>
/// Every channel renders these definitions (a Slack modal, a Teams <c>Action.ShowCard</c>, the emulator's dialog) with the field
/// names as input ids, and reads its payload back into a <see cref="TicketForm"/>; so the same form gives the same command whatever
/// the channel. Whether the command is allowed is the engine's call: a form only says what was asked.
/// </remarks>
public static class TicketForms
{
    private static readonly IReadOnlyList<FormChoice> Impacts =
    [
        new(nameof(Tickets.Impact.High), "High: many people or the whole site"),
        new(nameof(Tickets.Impact.Medium), "Medium: a team"),
        new(nameof(Tickets.Impact.Low), "Low: just me"),
    ];

    private static readonly IReadOnlyList<FormChoice> Urgencies =
    [
        new(nameof(Tickets.Urgency.High), "High: work is stopped"),
        new(nameof(Tickets.Urgency.Medium), "Medium: work is slowed"),
        new(nameof(Tickets.Urgency.Low), "Low: it can wait"),
    ];

    /// <summary>The actions whose button opens a form first (every other action acts at once).</summary>
    public static IReadOnlySet<string> FormActions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TicketActions.Escalate, TicketActions.Resolve, TicketActions.EscalateManager, TicketActions.Reopen, TicketActions.Reassign,
        TicketActions.Note, TicketActions.Cancel, TicketActions.Wait, TicketActions.Vendor, TicketActions.Priority,
        TicketActions.VendorUpdate,
    };

    /// <summary>True when <paramref name="action"/>'s button opens a form (<see cref="For"/> answers one).</summary>
    public static bool HasForm(string action) => FormActions.Contains(action);

    /// <summary>The forms <paramref name="actions"/> open, by action (for renderers that draw every form into the card).</summary>
    public static IReadOnlyDictionary<string, FormDefinition> ForAll(IEnumerable<string> actions, EscalationPolicy policy, int? currentTier = null)
    {
        var forms = new Dictionary<string, FormDefinition>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (For(action, policy, currentTier) is { } form) forms[action] = form;
        }

        return forms;
    }

    /// <summary>
    /// The form <paramref name="action"/> opens, or null for an action that acts at once (accept, acknowledge, take over, resume).
    /// <paramref name="currentTier"/> narrows an escalation's target choices to the tiers above it.
    /// </summary>
    public static FormDefinition? For(string action, EscalationPolicy policy, int? currentTier = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return action switch
        {
            TicketActions.Escalate => new(action, "Escalate with a handoff note", "Escalate",
            [
                Note(FieldNames.Tried, "What did you try?", "Steps taken so far"),
                Note(FieldNames.Outcome, "What came of it?", "What happened when you tried"),
                Note(FieldNames.Needs, "What does the next tier need?", "Access, logs, a decision …"),
                Choice(FieldNames.Tier, "Escalate to (empty: the next tier)", policy.Tiers.Where(t => t.Level > (currentTier ?? 0)).Select(TierChoice).ToList()),
            ]),
            TicketActions.Resolve => new(action, "Resolve: what fixed it?", "Resolve", [Note(FieldNames.Resolution, "How was it fixed?", "What fixed it, so the next person can reuse it")]),
            TicketActions.EscalateManager => new(action, "Ask a manager to look", "Send", [Note(FieldNames.Reason, "Why does a manager need to look?")]),
            TicketActions.Reopen => new(action, "Reopen the ticket", "Reopen", [Note(FieldNames.Reason, "What is still wrong?")]),
            TicketActions.Reassign => Reassign(policy),
            TicketActions.Note => new(action, "Add a note", "Add", [Note(FieldNames.Note, "Note")]),
            TicketActions.Cancel => new(action, "Cancel the ticket", "Cancel ticket", [Note(FieldNames.Reason, "Why? (optional)") with { Required = false }]),
            TicketActions.Wait => new(action, "Ask the reporter", "Ask", [Note(FieldNames.Question, "What do you need from the reporter?")]),
            TicketActions.Vendor => new(action, "Link the vendor's case", "Link",
            [
                policy.Vendors.Count > 0
                    ? Choice(FieldNames.Vendor, "Vendor", policy.Vendors.Select(v => new FormChoice(v.Name, v.Name)).ToList()) with { Required = true }
                    : Line(FieldNames.Vendor, "Vendor", required: true),
                Line(FieldNames.Case, "The vendor's case number", required: true),
            ]),
            TicketActions.VendorUpdate => new(action, "The vendor responded", "Record",
                [Note(FieldNames.Update, "What did they say? (optional)", "Their answer, next steps, an ETA") with { Required = false }]),
            TicketActions.Priority => new(action, "Change the priority", "Change",
            [
                Choice(FieldNames.Priority, "Priority", Enum.GetValues<Tickets.Priority>().Select(p => new FormChoice(p.ToString(), p.ToString())).ToList()) with { Required = true },
                Note(FieldNames.Reason, "Why? (recorded on the ticket)"),
            ]),
            _ => null,
        };
    }

    /// <summary>
    /// The raise form, prefilled from <paramref name="text"/> when given (a message the bot did not understand, a message raised
    /// from): the title (cut at a character boundary), the whole text as details, the category the routing keywords pick, and
    /// impact and urgency where the wording says (medium, what the engine assumes, otherwise). The person confirms or changes them.
    /// </summary>
    public static FormDefinition Raise(EscalationPolicy policy, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var prefill = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var (category, impact, urgency) = prefill is null ? (null, null, null) : Routing.Suggest(prefill, policy);
        return new(TicketActions.Raise, "Raise a ticket", "Raise",
        [
            Line(FieldNames.Title, "What is wrong?", required: true, TextLimits.Title, "VPN drops every 10 minutes") with
            {
                Value = prefill is null ? null : TextCut.Prefix(FirstLine(prefill), TextLimits.Title),
            },
            new(FieldNames.Description, "Details", FormFieldKind.Multiline, Required: false, TextLimits.Description,
                "What happens, since when, who is affected", Value: prefill),
            Choice(FieldNames.Category, "Category", policy.Categories.Select(c => new FormChoice(c.Name, c.Name)).ToList()) with { Value = category },
            Choice(FieldNames.Impact, "Impact (how many people are affected)", Impacts) with { Value = (impact ?? Tickets.Impact.Medium).ToString() },
            Choice(FieldNames.Urgency, "Urgency (how soon it must work again)", Urgencies) with { Value = (urgency ?? Tickets.Urgency.Medium).ToString() },
            Line(FieldNames.Service, "Affected service", required: false, TextLimits.Short, "e.g. VPN, Payroll"),
        ]);
    }

    /// <summary>The engine command a submitted form asks for; a refusal for an unknown action or a value the form never offered.</summary>
    public static FormCommand ToCommand(TicketForm form, UserRef actor)
    {
        ArgumentNullException.ThrowIfNull(form);
        switch (form.Action)
        {
            case TicketActions.Accept: return new AcceptTicket(actor);
            case TicketActions.AckPage: return new AcknowledgePage(actor);
            case TicketActions.TakeOver: return new TakeOverTicket(actor);
            case TicketActions.Resume: return new ResumeTicket(actor);
            case TicketActions.Resolve: return new ResolveTicket(actor, form[FieldNames.Resolution]);
            case TicketActions.EscalateManager: return new EscalateToManager(actor, form[FieldNames.Reason]);
            case TicketActions.Reopen: return new ReopenTicket(actor, form[FieldNames.Reason]);
            case TicketActions.Note: return new AddNote(actor, form[FieldNames.Note]);
            case TicketActions.Cancel: return new CancelTicket(actor, form.Optional(FieldNames.Reason));
            case TicketActions.Wait: return new WaitOnUser(actor, form[FieldNames.Question]);
            case TicketActions.Vendor: return new LinkVendorCase(actor, form[FieldNames.Vendor], form[FieldNames.Case]);
            case TicketActions.VendorUpdate: return new RecordVendorUpdate(actor, form.Optional(FieldNames.Update));
            case TicketActions.Reassign:
                return ReassignTicket.FromForm(actor, form[FieldNames.Tier], form[FieldNames.Owner], form[FieldNames.Reason]);
            case TicketActions.Escalate:
                var note = new HandoffNote(form[FieldNames.Tried], form[FieldNames.Outcome], form[FieldNames.Needs]);
                if (form.Optional(FieldNames.Tier) is not { } tier) return new EscalateTicket(actor, note);
                return TierNumber(tier) is { } level
                    ? new EscalateTicket(actor, note, level)
                    : FormCommand.Refuse($"'{tier}' is not a tier; choose one by its number.", FieldNames.Tier);
            case TicketActions.Priority:
                return Enum.TryParse<Tickets.Priority>(form[FieldNames.Priority], ignoreCase: true, out var priority) && Enum.IsDefined(priority)
                    ? new OverridePriority(actor, priority, form[FieldNames.Reason])
                    : FormCommand.Refuse("Choose a priority: P1, P2, P3 or P4.", FieldNames.Priority);
            default:
                return FormCommand.Refuse($"'{form.Action}' is not something a ticket can do.");
        }
    }

    /// <summary>The raise a submitted raise form asks for; impact and urgency read as high/medium/low in any case, anything else as not given.</summary>
    public static RaiseTicket ToRaise(TicketForm form, UserRef reporter, string origin)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new RaiseTicket(reporter, origin, form[FieldNames.Title], form.Optional(FieldNames.Description), form.Optional(FieldNames.Category),
            Level<Impact>(form[FieldNames.Impact]), Level<Urgency>(form[FieldNames.Urgency]), form.Optional(FieldNames.Service));
    }

    private static FormDefinition Reassign(EscalationPolicy policy)
    {
        var choices = ReassignChoices.From(policy);
        return new(TicketActions.Reassign, "Reassign (a tier, a person, or both)", "Reassign",
        [
            Choice(FieldNames.Tier, "Move to tier", choices.Tiers),
            Choice(FieldNames.Owner, "Give to a person", choices.People),
            Note(FieldNames.Reason, "Why? (recorded on the ticket)"),
        ]);
    }

    private static TEnum? Level<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(value, out _) ? level : null;

    private static int? TierNumber(string value)
    {
        var digits = value.StartsWith("tier", StringComparison.OrdinalIgnoreCase) ? value[4..].Trim() : value;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null;
    }

    private static FormChoice TierChoice(TierPolicy tier) => new(tier.Level.ToString(CultureInfo.InvariantCulture), $"Tier {tier.Level} · {tier.Name}");

    private static FormField Note(string name, string label, string? placeholder = null) =>
        new(name, label, FormFieldKind.Multiline, Required: true, TextLimits.Note, placeholder);

    private static FormField Line(string name, string label, bool required, int maxLength = TextLimits.Short, string? placeholder = null) =>
        new(name, label, FormFieldKind.Text, required, maxLength, placeholder);

    private static FormField Choice(string name, string label, IReadOnlyList<FormChoice> choices) =>
        new(name, label, FormFieldKind.Choice, Required: false, Choices: choices);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
