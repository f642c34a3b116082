using ChatEscalation.Core.Commands;
using ChatEscalation.Core.Policy;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>The routing decision for a new ticket: category, priority, opening tier, and the reason in words.</summary>
public sealed record RoutingDecision(string Category, Impact Impact, Urgency Urgency, Priority Priority, int Tier, bool IsVip, CriticalService? CriticalService, string Reason);

/// <summary>Category from the map (or the words of the report), priority from impact × urgency, raised for VIPs and critical services.</summary>
public static class Routing
{
    public static RoutingDecision Decide(RaiseTicket command, EscalationPolicy policy)
    {
        var text = $"{command.Title} {command.Description} {command.AffectedService}".ToLowerInvariant();
        var category = FindCategory(command.Category, text, policy);
        var impact = command.Impact ?? Impact.Medium;
        var urgency = command.Urgency ?? Urgency.Medium;
        var priority = policy.PriorityFor(impact, urgency);
        var reasons = new List<string>();
        var tier = category.DefaultTier;

        var isVip = policy.Vips.People.Contains(command.Reporter.Key.ToLowerInvariant());
        if (isVip)
        {
            var raised = (Priority)Math.Max(1, (int)priority - policy.Vips.RaisePriorityBy);
            reasons.Add(raised != priority ? $"VIP reporter (raised from {priority})" : "VIP reporter");
            priority = raised;
            if (policy.Vips.OpenAtTier is { } vipTier && vipTier > tier) tier = vipTier;
        }

        var service = policy.CriticalServices.FirstOrDefault(s =>
            (command.AffectedService is { } named && string.Equals(named.Trim(), s.Name, StringComparison.OrdinalIgnoreCase))
            || s.Keywords.Any(k => ContainsWord(text, k)));
        if (service is not null)
        {
            reasons.Add($"{service.Name} is a critical service");
            if (service.MinimumPriority < priority) priority = service.MinimumPriority;
            if (service.OpenAtTier is { } serviceTier && serviceTier > tier) tier = serviceTier;
        }

        if (reasons.Count == 0) reasons.Add($"{impact.ToString().ToLowerInvariant()} impact, {urgency.ToString().ToLowerInvariant()} urgency");
        return new RoutingDecision(category.Name, impact, urgency, priority, tier, isVip, service, $"{priority}: {string.Join(", ", reasons)}");
    }

    /// <summary>
    /// What a raise form offered for free text is prefilled with: the category the keywords pick (as <see cref="Decide"/> would),
    /// and impact and urgency where the wording says (<see cref="TextHints"/>); the person confirms or changes them.
    /// </summary>
    public static (string Category, Impact? Impact, Urgency? Urgency) Suggest(string? text, EscalationPolicy policy)
    {
        var (impact, urgency) = TextHints.Guess(text);
        return (FindCategory(null, (text ?? "").ToLowerInvariant(), policy).Name, impact, urgency);
    }

    private static CategoryPolicy FindCategory(string? requested, string text, EscalationPolicy policy)
    {
        if (!string.IsNullOrWhiteSpace(requested))
        {
            var named = policy.Categories.FirstOrDefault(c => string.Equals(c.Name, requested.Trim(), StringComparison.OrdinalIgnoreCase));
            if (named is not null) return named;
        }
        return policy.Categories.FirstOrDefault(c => c.Keywords.Any(k => ContainsWord(text, k)))
            ?? policy.Categories.First(c => string.Equals(c.Name, policy.DefaultCategory, StringComparison.OrdinalIgnoreCase));
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + word.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after) return true;
        }
        return false;
    }
}
