using System.Globalization;

namespace ChatEscalation.Bench.Search;

/// <summary>
/// Service-desk wording for the corpus and the queries: 40 things × 20 symptoms × 11 contexts, and 15 kinds of fix, with numbers.
/// Deterministic for a seed, so the corpus and the queries are the same on every run.
/// </summary>
public sealed class ReportTexts(int seed)
{
    private static readonly string[] Things =
    [
        "VPN", "Wi-Fi", "Outlook", "Teams", "printer", "laptop", "monitor", "docking station", "keyboard", "password", "MFA app", "SharePoint",
        "OneDrive", "Excel", "payroll portal", "ERP", "SAP", "badge reader", "scanner", "headset", "webcam", "Zoom", "Citrix", "remote desktop",
        "file share", "mailbox", "calendar", "browser", "Chrome", "proxy", "network drive", "desk phone", "projector", "database", "CRM",
        "expense tool", "timesheet", "HR portal", "antivirus", "BitLocker",
    ];

    private static readonly string[] Symptoms =
    [
        "drops every {n} minutes", "will not start", "crashes on launch", "is very slow", "freezes when opening files", "cannot connect",
        "shows error 0x8004{h}", "keeps asking for the password", "disconnects after sleep", "does not sync", "is locked", "prints blank pages",
        "has no sound", "flickers", "times out after {n} seconds", "rejects my login", "loses its settings after a reboot",
        "cannot find the server", "is stuck updating", "shows a certificate warning",
    ];

    private static readonly string[] Contexts =
    [
        "at the office", "from home", "on floor {f}", "since this morning", "after the update", "in meeting room {f}", "on the train",
        "for the whole team", "since Monday", "on my new laptop", "",
    ];

    private static readonly string[] Fixes =
    [
        "Replaced the {t} profile with the current one", "Reinstalled the {t} client", "Cleared the {t} cache and signed in again",
        "Updated the {t} driver to version {n}.{f}", "Reset the user's {t} password", "Renewed the expired {t} certificate",
        "Restarted the {t} service on the server", "Re-enrolled the device in MFA", "Moved the mailbox to the new database",
        "Rolled back update KB50{h}", "Raised the {t} timeout to {n} seconds", "Replaced the faulty cable", "Re-imaged the laptop",
        "Added the user to the {t} access group", "Fixed the DNS entry of the {t} server",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A report's title: "VPN drops every 10 minutes at the office".</summary>
    public string Title()
    {
        var thing = Pick(Things);
        return Fill($"{thing} {Pick(Symptoms)} {Pick(Contexts)}".Trim(), thing);
    }

    /// <summary>A fix for a report about the thing its title starts with.</summary>
    public string Fix(string title) => Fill(Pick(Fixes), Things.First(t => title.StartsWith(t, StringComparison.Ordinal)));

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];

    private string Fill(string text, string thing) => text
        .Replace("{t}", thing, StringComparison.Ordinal)
        .Replace("{n}", (new[] { 2, 5, 10, 15, 20, 30 })[_random.Next(6)].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{f}", _random.Next(1, 10).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{h}", _random.Next(0x1000, 0xFFFF).ToString("X4", CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
