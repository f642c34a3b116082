using System.Text.RegularExpressions;
using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Bot.Conversations;

/// <summary>Reads the arguments of the typed ticket verbs into engine commands (translation only: the engine validates).</summary>
/// <remarks>
/// <c>escalate INC-42 tried: restarted the client; outcome: still drops; needs: gateway logs [to tier 3]</c>,
/// <c>reassign INC-42 to tier 3 | to carol@corp.example &lt;reason&gt;</c>, <c>vendor INC-42 Contoso Networks case CN-1234</c>,
/// <c>priority INC-42 P1 &lt;reason&gt;</c>.
/// </remarks>
public static partial class ChatCommandText
{
    public static TicketCommand? ToCommand(ChatIntent intent, UserRef user, EscalationPolicy policy) => intent.Kind switch
    {
        ChatIntentKind.Note => new AddNote(user, intent.Text),
        ChatIntentKind.Cancel => new CancelTicket(user, string.IsNullOrWhiteSpace(intent.Text) ? null : intent.Text),
        ChatIntentKind.Reopen => new ReopenTicket(user, intent.Text),
        ChatIntentKind.Manager => new EscalateToManager(user, intent.Text),
        ChatIntentKind.Accept => new AcceptTicket(user),
        ChatIntentKind.Resolve => new ResolveTicket(user, intent.Text),
        ChatIntentKind.WaitOnUser => new WaitOnUser(user, intent.Text),
        ChatIntentKind.Resume => new ResumeTicket(user),
        ChatIntentKind.Acknowledge => new AcknowledgePage(user),
        ChatIntentKind.TakeOver => new TakeOverTicket(user),
        ChatIntentKind.Escalate => Escalate(user, intent.Text),
        ChatIntentKind.Reassign => Reassign(user, intent.Text, policy),
        ChatIntentKind.Vendor => Vendor(user, intent.Text),
        ChatIntentKind.Priority => Priority(user, intent.Text),
        _ => null,
    };

    private static EscalateTicket Escalate(UserRef user, string text)
    {
        int? toTier = null;
        var target = ToTier().Match(text);
        if (target.Success)
        {
            toTier = int.Parse(target.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            text = text.Remove(target.Index, target.Length);
        }
        var parts = text.Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string Part(string name) => parts.FirstOrDefault(p => p.StartsWith(name, StringComparison.OrdinalIgnoreCase)) is { } p
            ? p[name.Length..].TrimStart(':', ' ').Trim() : "";
        return new EscalateTicket(user, new HandoffNote(Part("tried"), Part("outcome"), Part("needs")), toTier);
    }

    private static ReassignTicket Reassign(UserRef user, string text, EscalationPolicy policy)
    {
        var m = ReassignTarget().Match(text);
        if (!m.Success) return new ReassignTicket(user, text);
        var reason = text[m.Length..].Trim().TrimStart(':', '-').Trim();
        return m.Groups["n"].Success
            ? new ReassignTicket(user, reason, ToTier: int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            : new ReassignTicket(user, reason, ToOwner: policy.Person(m.Groups["email"].Value));
    }

    private static LinkVendorCase Vendor(UserRef user, string text)
    {
        var m = VendorCase().Match(text);
        return m.Success ? new LinkVendorCase(user, m.Groups["vendor"].Value.Trim(), m.Groups["case"].Value.Trim()) : new LinkVendorCase(user, text.Trim(), "");
    }

    private static TicketCommand? Priority(UserRef user, string text)
    {
        var m = PriorityValue().Match(text);
        return m.Success && Enum.TryParse<Core.Tickets.Priority>(m.Groups["p"].Value, true, out var p)
            ? new OverridePriority(user, p, text[m.Length..].Trim())
            : null;
    }

    [GeneratedRegex(@"\bto\s+tier\s*(?<n>\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToTier();

    [GeneratedRegex(@"^\s*(?:to\s+)?(?:tier\s*(?<n>\d)|(?<email>[^\s@:,]+@[^\s@:,]+))", RegexOptions.IgnoreCase)]
    private static partial Regex ReassignTarget();

    [GeneratedRegex(@"^(?<vendor>.+?)\s+(?:case\s*#?|#)(?<case>\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex VendorCase();

    [GeneratedRegex(@"^\s*(?<p>P[1-4])\b", RegexOptions.IgnoreCase)]
    private static partial Regex PriorityValue();
}
