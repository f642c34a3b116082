using System.Globalization;

namespace ChatEscalation.Bench.FullPath;

/// <summary>Command-line options: <c>--name value</c>.</summary>
public static class Options
{
    public static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    public static int Int(string[] args, string name, int fallback) => Value(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public static bool Flag(string[] args, string name) => args.Contains(name);
}
