using System.Text.RegularExpressions;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Policy;

namespace ChatEscalation.Bot.Conversations;

/// <summary>Reads the arguments of the typed ticket verbs into a <see cref="TicketForm"/> (translation only: the engine validates).</summary>
/// <remarks>
/// <c>escalate INC-42 tried: restarted the client; outcome: still drops; needs: gateway logs [to tier 3]</c>,
/// <c>reassign INC-42 to tier 3 | to carol@corp.example &lt;reason&gt;</c>, <c>vendor INC-42 Contoso Networks case CN-1234</c>,
/// <c>vendor INC-42 responded</c>, <c>vendor INC-42 update &lt;what they said&gt;</c>, <c>priority INC-42 P1 &lt;reason&gt;</c>; every other verb takes the rest of the line as its one text field.
/// A raise, <c>ticket [P1|P2|P3|P4|urgent] &lt;what is wrong&gt;</c>, reads only its first word (see <see cref="Raise"/>).
/// Every pattern runs on .NET's non-backtracking engine, so parsing time is linear in the length of what was typed.
/// </remarks>
public static class ChatCommandText
{
    private const RegexOptions Linear = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly Regex ToTier = new(@"\bto\s+tier\s*(?<n>\d+)\b", Linear);
    private static readonly Regex ReassignTarget = new(@"^\s*(?:to\s+)?(?:tier\s*(?<n>\d+)|(?<email>[^\s@:,]+@[^\s@:,]+))", Linear);
    private static readonly Regex VendorCase = new(@"^(?<vendor>.+?)\s+(?:case\s*#?|#)(?<case>\S+)\s*$", Linear);
    private static readonly Regex VendorAnswer = new(@"^(?:responded|answered|replied)\b[\s:,-]*(?<text>.*)$|^update\b[\s:,-]*(?<text>.*)$", Linear | RegexOptions.Singleline);
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

    /// <summary>
    /// The raise form a typed <c>ticket [P1|P2|P3|P4|urgent] &lt;what is wrong&gt;</c> stands for. A leading priority (as the Slack and
    /// Teams manifests advertise) sets the impact and urgency the policy's matrix turns into it (<see cref="EscalationPolicy.AxesFor"/>);
    /// a leading <c>urgent</c> sets high urgency; the rest is the title. Nothing else is guessed from the words: the engine routes.
    /// </summary>
    public static TicketForm Raise(string text, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var trimmed = (text ?? "").Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        var (first, rest) = space < 0 ? (trimmed, "") : (trimmed[..space], trimmed[(space + 1)..].Trim());
        var word = first.Trim('[', ']', ':', ',', '-').ToUpperInvariant();
        if (word is "P1" or "P2" or "P3" or "P4")
        {
            var (impact, urgency) = policy.AxesFor(Enum.Parse<Core.Tickets.Priority>(word));
            return TicketForm.Of(TicketActions.Raise, (FieldNames.Title, rest), (FieldNames.Impact, impact.ToString()), (FieldNames.Urgency, urgency.ToString()));
        }
        if (word == "URGENT")
            return TicketForm.Of(TicketActions.Raise, (FieldNames.Title, rest), (FieldNames.Urgency, nameof(Core.Tickets.Urgency.High)));
        return TicketForm.Of(TicketActions.Raise, (FieldNames.Title, trimmed));
    }

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
        var answer = VendorAnswer.Match(text.Trim());
        if (answer.Success) return TicketForm.Of(TicketActions.VendorUpdate, (FieldNames.Update, answer.Groups["text"].Value.Trim()));
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
