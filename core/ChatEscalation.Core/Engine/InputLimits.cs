using System.Globalization;
using ChatEscalation.Core.Commands;

namespace ChatEscalation.Core.Engine;

/// <summary>
/// The documented limits on what people type, enforced here so every channel (Slack, Teams, the emulator) gets the same answer.
/// </summary>
/// <remarks>
/// Lengths are counted in characters as people see them written: Unicode scalar values (an emoji is one, not two UTF-16 units),
/// so the stored text is at most twice the limit in UTF-16 units whatever was typed. A text over its limit is refused with a
/// <see cref="Refusal"/> naming the field and the limit; nothing is cut silently except the title, whose whole text moves to the
/// description (see <see cref="CutTitle"/>).
/// </remarks>
public static class InputLimits
{
    /// <summary>Longest title kept on a ticket; a longer one is cut (with "…") and moved whole to the description.</summary>
    public const int TitleCharacters = 150;

    /// <summary>Longest description, including a long title moved into it.</summary>
    public const int DescriptionCharacters = 4_000;

    /// <summary>Longest note, handoff part (tried, outcome, needs), resolution, question or reason.</summary>
    public const int NoteCharacters = 2_000;

    /// <summary>Longest short name: a vendor, a vendor's case id, an affected service, a category.</summary>
    public const int NameCharacters = 200;

    /// <summary>The first text of a command that is over its limit, as a refusal naming the field and the limit; null when all fit.</summary>
    public static Refusal? Check(TicketCommand command) => command switch
    {
        AddNote c => Over(c.Text, "note", "note", NoteCharacters),
        EscalateTicket c => Over(c.Note.Tried, "tried", "\"what was tried\" part of the handoff note", NoteCharacters)
            ?? Over(c.Note.Outcome, "outcome", "\"outcome\" part of the handoff note", NoteCharacters)
            ?? Over(c.Note.Needs, "needs", "\"what the next tier needs\" part of the handoff note", NoteCharacters),
        ResolveTicket c => Over(c.Resolution, "resolution", "resolution", NoteCharacters),
        ReopenTicket c => Over(c.Reason, "reason", "reason", NoteCharacters),
        EscalateToManager c => Over(c.Reason, "reason", "reason", NoteCharacters),
        ReassignTicket c => Over(c.Reason, "reason", "reason", NoteCharacters),
        OverridePriority c => Over(c.Reason, "reason", "reason", NoteCharacters),
        CancelTicket c => Over(c.Reason, "reason", "reason", NoteCharacters),
        WaitOnUser c => Over(c.Question, "question", "question", NoteCharacters),
        LinkVendorCase c => Over(c.Vendor, "vendor", "vendor name", NameCharacters) ?? Over(c.ExternalCaseId, "case", "vendor case id", NameCharacters),
        _ => null,
    };

    /// <summary>
    /// The raise's texts: the description (with a title over <see cref="TitleCharacters"/> moved into it) at most
    /// <see cref="DescriptionCharacters"/>, the affected service and category at most <see cref="NameCharacters"/>.
    /// </summary>
    /// <param name="description">The description as it will be stored (the long title already moved into it).</param>
    /// <param name="titleMoved">Whether the title was over its limit and moved into the description (the refusal then names the title).</param>
    public static Refusal? CheckRaise(RaiseTicket command, string description, bool titleMoved) =>
        Over(description, titleMoved && string.IsNullOrWhiteSpace(command.Description) ? "title" : "description",
            titleMoved ? "description (with the long title moved into it)" : "description", DescriptionCharacters)
        ?? Over(command.AffectedService, "service", "affected service", NameCharacters)
        ?? Over(command.Category, "category", "category", NameCharacters);

    /// <summary>Characters as counted for the limits: Unicode scalar values (a lone surrogate counts as one).</summary>
    public static int Characters(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }
        return count;
    }

    /// <summary>
    /// A title of at most <see cref="TitleCharacters"/> characters: whole when it fits, otherwise cut at a grapheme boundary
    /// (never inside an emoji, a surrogate pair or a letter with its accents), trimmed, and ended with "…".
    /// </summary>
    /// <remarks>When not even the first grapheme fits (a letter carrying hundreds of combining marks) the cut falls between scalar values.</remarks>
    public static string CutTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (Characters(title) <= TitleCharacters) return title;
        const int budget = TitleCharacters - 1; // room for the "…"
        var used = 0;
        var end = 0;
        while (end < title.Length)
        {
            var length = StringInfo.GetNextTextElementLength(title, end);
            var characters = Characters(title.Substring(end, length));
            if (used + characters > budget) break;
            used += characters;
            end += length;
        }
        if (end == 0) end = RuneBoundary(title, budget);
        return title[..end].TrimEnd() + "…";
    }

    private static int RuneBoundary(string text, int runes)
    {
        var end = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes-- == 0) break;
            end += rune.Utf16SequenceLength;
        }
        return end;
    }

    private static Refusal? Over(string? text, string field, string what, int limit)
    {
        var length = Characters(text?.Trim());
        return length <= limit
            ? null
            : new Refusal(RefusalCode.InvalidInput,
                string.Create(CultureInfo.InvariantCulture, $"The {what} is too long: {length:N0} characters; the limit is {limit:N0}."),
                field);
    }
}
