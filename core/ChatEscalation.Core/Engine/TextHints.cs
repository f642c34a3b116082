using System.Text.RegularExpressions;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Core.Engine;

/// <summary>
/// Guesses impact and urgency from how a person describes a problem, to prefill a raise form that they then confirm.
/// Tickets raised straight from text do not use it: their priority comes from the routing rules alone.
/// </summary>
/// <remarks>Words that lower a level win over words that raise it ("not urgent" is low, not high); no match leaves the level unguessed.</remarks>
public static partial class TextHints
{
    public static (Impact? Impact, Urgency? Urgency) Guess(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        Impact? impact = LowImpact().IsMatch(text) ? Impact.Low : HighImpact().IsMatch(text) ? Impact.High : null;
        Urgency? urgency = LowUrgency().IsMatch(text) ? Urgency.Low : HighUrgency().IsMatch(text) ? Urgency.High : null;
        return (impact, urgency);
    }

    [GeneratedRegex(@"\b(just|only) (me|my|mine)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LowImpact();

    [GeneratedRegex(@"\b(every(one|body)|whole (team|office|floor|site|company|department)|all (users|staff|of us)|entire|company[- ]wide|no ?one can|nobody can)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HighImpact();

    [GeneratedRegex(@"\b(not urgent|no rush|when(ever)? you (can|have time)|low priority)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LowUrgency();

    [GeneratedRegex(@"\b(urgent(ly)?|asap|immediately|can'?t work|cannot work|unable to work|is down|are down|outage|stopped working|blocked)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HighUrgency();
}
