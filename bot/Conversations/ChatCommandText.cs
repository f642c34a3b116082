using System.Text.RegularExpressions;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;

namespace ChatEscalation.Bot.Conversations;

/// <summary>Reads the arguments of the typed ticket verbs into a <see cref="TicketForm"/> (translation only: the engine validates).</summary>
/// <remarks>
/// <c>escalate INC-42 tried: restarted the client; outcome: still drops; needs: gateway logs [to tier 3]</c>,
/// <c>reassign INC-42 to tier 3 | to carol@corp.example &lt;reason&gt;</c>, <c>vendor INC-42 Contoso Networks case CN-1234</c>,
/// <c>priority INC-42 P1 &lt;reason&gt;</c>; every other verb takes the rest of the line as its one text field.
/// Every pattern runs on .NET's non-backtracking engine, so parsing time is linear in the length of what was typed.
/// </remarks>
public static class ChatCommandText
{
    private const RegexOptions Linear = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly Regex ToTier = new(@"\bto\s+tier\s*(?<n>\d+)\b", Linear);
    private static readonly Regex ReassignTarget = new(@"^\s*(?:to\s+)?(?:tier\s*(?<n>\d+)|(?<email>[^\s@:,]+@[^\s@:,]+))", Linear);
    private static readonly Regex VendorCase = new(@"^(?<vendor>.+?)\s+(?:case\s*#?|#)(?<case>\S+)\s*$", Linear);
    private static readonly Regex PriorityValue = new(@"^\s*(?<p>\S+)", Linear);

    /// <summary>The form a typed ticket verb stands for, or null when <paramref name="intent"/> is not a ticket verb.</summary>
    public static TicketForm? ToForm(ChatIntent intent) => intent.Kind switch
    {
        ChatIntentKind.Note => TicketForm.Of(TicketActions.Note, (FieldNames.Note, intent.Text)),
        ChatIntentKind.Cancel => TicketForm.Of(TicketActions.Cancel, (FieldNames.Reason, intent.Text)),
        ChatIntentKind.Reopen => TicketForm.Of(TicketActions.Reopen, (FieldNames.Reason, intent.Text)),
        ChatIntentKind.Manager => TicketForm.Of(TicketActions.EscalateManager, (FieldNames.Reason, intent.Text)),
        ChatIntentKind.Accept => TicketForm.Of(TicketActions.Accept),
        ChatIntentKind.Resolve => TicketForm.Of(TicketActions.Resolve, (FieldNames.Resolution, intent.Text)),
        ChatIntentKind.WaitOnUser => TicketForm.Of(TicketActions.Wait, (FieldNames.Question, intent.Text)),
        ChatIntentKind.Resume => TicketForm.Of(TicketActions.Resume),
        ChatIntentKind.Acknowledge => TicketForm.Of(TicketActions.AckPage),
        ChatIntentKind.TakeOver => TicketForm.Of(TicketActions.TakeOver),
        ChatIntentKind.Escalate => Escalate(intent.Text),
        ChatIntentKind.Reassign => Reassign(intent.Text),
        ChatIntentKind.Vendor => Vendor(intent.Text),
        ChatIntentKind.Priority => Priority(intent.Text),
        _ => null,
    };

    private static TicketForm Escalate(string text)
    {
        string? tier = null;
        var target = ToTier.Match(text);
        if (target.Success)
        {
            tier = target.Groups["n"].Value;
            text = text.Remove(target.Index, target.Length);
        }

        var parts = text.Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string Part(string name) => parts.FirstOrDefault(p => p.StartsWith(name, StringComparison.OrdinalIgnoreCase)) is { } p
            ? p[name.Length..].TrimStart(':', ' ').Trim() : "";
        return TicketForm.Of(TicketActions.Escalate,
            (FieldNames.Tried, Part(FieldNames.Tried)), (FieldNames.Outcome, Part(FieldNames.Outcome)), (FieldNames.Needs, Part(FieldNames.Needs)),
            (FieldNames.Tier, tier));
    }

    private static TicketForm Reassign(string text)
    {
        var m = ReassignTarget.Match(text);
        if (!m.Success) return TicketForm.Of(TicketActions.Reassign, (FieldNames.Reason, text));
        var reason = text[m.Length..].Trim().TrimStart(':', '-').Trim();
        return TicketForm.Of(TicketActions.Reassign,
            (FieldNames.Tier, m.Groups["n"].Success ? m.Groups["n"].Value : null),
            (FieldNames.Owner, m.Groups["email"].Success ? m.Groups["email"].Value : null),
            (FieldNames.Reason, reason));
    }

    private static TicketForm Vendor(string text)
    {
        var m = VendorCase.Match(text);
        return m.Success
            ? TicketForm.Of(TicketActions.Vendor, (FieldNames.Vendor, m.Groups["vendor"].Value), (FieldNames.Case, m.Groups["case"].Value))
            : TicketForm.Of(TicketActions.Vendor, (FieldNames.Vendor, text));
    }

    private static TicketForm Priority(string text)
    {
        var m = PriorityValue.Match(text);
        return TicketForm.Of(TicketActions.Priority,
            (FieldNames.Priority, m.Success ? m.Groups["p"].Value : ""),
            (FieldNames.Reason, m.Success ? text[(m.Index + m.Length)..].Trim() : text));
    }
}
