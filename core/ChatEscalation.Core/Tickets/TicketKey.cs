using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatEscalation.Core.Tickets;

/// <summary>Ticket numbers as people type them: <c>INC-000042</c>; <c>INC-42</c>, <c>inc42</c> and <c>42</c> are read too.</summary>
public static partial class TicketKey
{
    public const string Prefix = "INC";

    public static string Format(long number) => $"{Prefix}-{number.ToString("000000", CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out long number)
    {
        number = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var match = KeyPattern().Match(text.Trim());
        return match.Success && long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    [GeneratedRegex(@"^(?:#?INC[-\s]?)?(?<n>\d{1,12})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
