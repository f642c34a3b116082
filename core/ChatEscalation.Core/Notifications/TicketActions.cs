namespace ChatEscalation.Core.Notifications;

/// <summary>
/// One id per action, shared by every renderer and every translator (Slack action_id and callback_id, Teams verb, the emulator,
/// the typed chat verbs), with the label a button shows. What each action's form asks is <see cref="Forms.TicketForms"/>.
/// </summary>
public static class TicketActions
{
    public const string Accept = "accept";
    public const string Escalate = "escalate";
    public const string EscalateManager = "escalate_manager";
    public const string Resolve = "resolve";
    public const string AckPage = "ack_page";
    public const string TakeOver = "take_over";
    public const string Reassign = "reassign";
    public const string Reopen = "reopen";
    public const string Raise = "raise";

    /// <summary>The vendor answered on the linked case (a Tier 4 card's button; typed <c>vendor INC-42 responded</c> / <c>update …</c>).</summary>
    public const string VendorUpdate = "vendor_update";

    // Buttons on the reporter's copy of the card only (TicketCopies.ReporterActions), and typed.
    public const string Note = "note";
    public const string Cancel = "cancel";

    // Wait and resume are the owner's card buttons, and typed; vendor and priority are typed only (no button yet).
    public const string Wait = "wait";
    public const string Resume = "resume";
    public const string Vendor = "vendor";
    public const string Priority = "priority";

    /// <summary>The actions a ticket card or message may offer as buttons.</summary>
    public static IReadOnlyList<string> All { get; } = [Accept, Escalate, EscalateManager, Resolve, AckPage, TakeOver, Reassign, Reopen, VendorUpdate, Wait, Resume, Note, Cancel];

    /// <summary>Every action id a button, a form or a typed verb may carry (the card buttons, raise, and the typed-only actions).</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(All.Concat([Raise, Vendor, Priority]), StringComparer.Ordinal);

    /// <summary>True when <paramref name="action"/> is one of <see cref="Known"/>.</summary>
    public static bool IsKnown(string? action) => action is not null && Known.Contains(action);

    /// <summary>The button's label ("Escalate"); a renderer adds "…" when the button opens a form.</summary>
    public static string Label(string action) => action switch
    {
        Accept => "Accept",
        Escalate => "Escalate",
        EscalateManager => "Ask a manager",
        Resolve => "Resolve",
        AckPage => "Acknowledge page",
        TakeOver => "Take over",
        Reassign => "Reassign",
        Reopen => "Reopen",
        Raise => "Raise a ticket",
        Note => "Add a note",
        Cancel => "Cancel ticket",
        Wait => "Wait for the user",
        Resume => "Resume",
        Vendor => "Link vendor case",
        VendorUpdate => "Vendor responded",
        Priority => "Change priority",
        _ => action,
    };

    /// <summary>True for the action a card most wants pressed (drawn as the primary or positive button).</summary>
    public static bool IsPrimary(string action) => action is Accept or AckPage;
}
