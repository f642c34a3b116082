using System.Globalization;
using System.Text;

namespace ChatEscalation.Bot.Dashboard;

/// <summary>CSV lines as RFC 4180 writes them, safe to open in a spreadsheet (a cell starting with = + - @ that is not a number gets a leading ').</summary>
public static class CsvText
{
    /// <summary>Appends one line of cells, CRLF-terminated.</summary>
    public static StringBuilder Line(this StringBuilder sb, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Quote(cells[i] ?? ""));
        }
        return sb.Append("\r\n");
    }

    public static string Quote(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }

    /// <summary>An instant as ISO 8601 UTC (<c>2026-03-10T10:00:00Z</c>); empty for null.</summary>
    public static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
