using System.Diagnostics;

namespace ChatEscalation.Bench.FullPath;

/// <summary>The commit measured (with "+dirty" when bot/ or core/ has changes).</summary>
public static class Git
{
    public static string Head()
    {
        try
        {
            var head = Run("rev-parse --short HEAD");
            return Run("status --porcelain -- bot core").Length > 0 ? head + "+dirty" : head;
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown"; }
    }

    private static string Run(string arguments)
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return text;
    }
}
