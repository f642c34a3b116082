using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>
/// Runs the Node.js scripts in <c>tests/js</c> (official Adaptive Cards renderer, Teams manifest schemas,
/// YAML parsing) for the C# tests.
/// </summary>
/// <remarks>
/// Needs <c>node</c> (>= 20.19) and <c>npm</c> on PATH. When <c>tests/js/node_modules</c> is missing, the first
/// call runs <c>npm ci</c> there once; concurrent callers in this process wait for it, and other processes are
/// kept out by a lock file in the temp folder. Scripts run with <c>tests/js</c> as working directory.
/// </remarks>
public static class NodeTools
{
    /// <summary>Default limit for one script run.</summary>
    public static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Limit for <c>npm ci</c> on a fresh checkout.</summary>
    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private static readonly object InstallGate = new();
    private static bool installed;

    /// <summary>
    /// Runs <c>node &lt;script&gt; args…</c> in <c>tests/js</c>, after making sure the packages are installed.
    /// </summary>
    /// <param name="script">A file name in <c>tests/js</c>, e.g. <c>validate-card.js</c>.</param>
    /// <param name="arguments">Command-line arguments passed after the script.</param>
    /// <param name="standardInput">Text written to the script's stdin, or null for none.</param>
    /// <param name="timeout">Limit for the run; <see cref="ScriptTimeout"/> when null.</param>
    public static ProcessResult RunScript(
        string script,
        IEnumerable<string> arguments,
        string? standardInput = null,
        TimeSpan? timeout = null)
    {
        EnsureInstalled();
        return ProcessRunner.Run(
            "node",
            new[] { Path.Combine(RepoPaths.JsDirectory, script) }.Concat(arguments),
            RepoPaths.JsDirectory,
            timeout ?? ScriptTimeout,
            standardInput);
    }

    /// <summary>Installs <c>tests/js</c> packages with <c>npm ci</c> if <c>node_modules</c> is missing.</summary>
    public static void EnsureInstalled()
    {
        lock (InstallGate)
        {
            if (installed)
            {
                return;
            }

            using (AcquireMachineLock())
            {
                if (!IsInstalled())
                {
                    ProcessRunner.Run(
                        "npm",
                        ["ci", "--no-audit", "--no-fund"],
                        RepoPaths.JsDirectory,
                        InstallTimeout).EnsureSuccess("npm ci in tests/js");
                }
            }

            installed = true;
        }
    }

    private static bool IsInstalled()
    {
        var modules = Path.Combine(RepoPaths.JsDirectory, "node_modules");
        return File.Exists(Path.Combine(modules, ".package-lock.json"))
            && Directory.Exists(Path.Combine(modules, "adaptivecards"))
            && Directory.Exists(Path.Combine(modules, "@microsoft", "app-manifest"));
    }

    private static FileStream AcquireMachineLock()
    {
        // Stable across processes (string.GetHashCode is randomised per process).
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepoPaths.JsDirectory)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"chatescalation-npm-ci-{hash}.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < InstallTimeout)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
