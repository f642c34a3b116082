using System.Globalization;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>
/// Enforces <see cref="TextLimits"/> on what people type, here in the engine so every channel (Slack, Teams, the emulator, typed
/// commands) gets the same answer.
/// </summary>
/// <remarks>
/// Lengths are counted as <see cref="TextLimits"/> counts them (UTF-16 code units, what the forms' maximum lengths count). A text over
/// its limit is refused with a <see cref="Refusal"/> naming the field and the limit; nothing is cut silently except the title, whose
/// whole text moves to the description (see <see cref="CutTitle"/>).
/// </remarks>
public static class InputLimits
{
    /// <summary>The first text of a command that is over its limit, as a refusal naming the field and the limit; null when all fit.</summary>
    public static Refusal? Check(TicketCommand command) => command switch
    {
        AddNote c => Over(c.Text, FieldNames.Note, "note", TextLimits.Note),
        EscalateTicket c => Over(c.Note.Tried, FieldNames.Tried, "\"what was tried\" part of the handoff note", TextLimits.Note)
            ?? Over(c.Note.Outcome, FieldNames.Outcome, "\"outcome\" part of the handoff note", TextLimits.Note)
            ?? Over(c.Note.Needs, FieldNames.Needs, "\"what the next tier needs\" part of the handoff note", TextLimits.Note),
        ResolveTicket c => Over(c.Resolution, FieldNames.Resolution, "resolution", TextLimits.Note),
        ReopenTicket c => Over(c.Reason, FieldNames.Reason, "reason", TextLimits.Note),
        EscalateToManager c => Over(c.Reason, FieldNames.Reason, "reason", TextLimits.Note),
        ReassignTicket c => Over(c.Reason, FieldNames.Reason, "reason", TextLimits.Note),
        OverridePriority c => Over(c.Reason, FieldNames.Reason, "reason", TextLimits.Note),
        CancelTicket c => Over(c.Reason, FieldNames.Reason, "reason", TextLimits.Note),
        WaitOnUser c => Over(c.Question, FieldNames.Question, "question", TextLimits.Note),
        LinkVendorCase c => Over(c.Vendor, FieldNames.Vendor, "vendor name", TextLimits.Short) ?? Over(c.ExternalCaseId, FieldNames.Case, "vendor case id", TextLimits.Short),
        RecordVendorUpdate c => Over(c.Update, FieldNames.Update, "vendor update", TextLimits.Note),
        _ => null,
    };

    /// <summary>
    /// The raise's texts: the description (with a title over <see cref="TextLimits.Title"/> moved into it) at most
    /// <see cref="TextLimits.Description"/>, the affected service and category at most <see cref="TextLimits.Short"/>.
    /// </summary>
    /// <param name="description">The description as it will be stored (the long title already moved into it).</param>
    /// <param name="titleMoved">Whether the title was over its limit and moved into the description (the refusal then names the title).</param>
    public static Refusal? CheckRaise(RaiseTicket command, string description, bool titleMoved) =>
        Over(description, titleMoved && string.IsNullOrWhiteSpace(command.Description) ? FieldNames.Title : FieldNames.Description,
            titleMoved ? "description (with the long title moved into it)" : "description", TextLimits.Description)
        ?? Over(command.AffectedService, FieldNames.Service, "affected service", TextLimits.Short)
        ?? Over(command.Category, FieldNames.Category, "category", TextLimits.Short);

    /// <summary>
    /// A title of at most <see cref="TextLimits.Title"/>: whole when it fits, otherwise cut at a grapheme boundary
    /// (<see cref="TextCut.Prefix"/>: never inside an emoji, a surrogate pair or a letter with its accents), trimmed, and ended with "…".
    /// </summary>
    /// <remarks>When not even the first grapheme fits (a letter carrying hundreds of combining marks) the cut falls between code points.</remarks>
    public static string CutTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (title.Length <= TextLimits.Title) return title;
        const int budget = TextLimits.Title - 1; // room for the "…"
        var cut = TextCut.Prefix(title, budget);
        if (cut.Length == 0) cut = title[..(char.IsHighSurrogate(title[budget - 1]) ? budget - 1 : budget)];
        return cut.TrimEnd() + "…";
    }

    private static Refusal? Over(string? text, string field, string what, int limit)
    {
        var length = text?.Trim().Length ?? 0;
        return length <= limit
            ? null
            : new Refusal(RefusalCode.InvalidInput, string.Create(CultureInfo.InvariantCulture, $"The {what} is too long: {length:N0} characters; the limit is {limit:N0}."), field);
    }
}
