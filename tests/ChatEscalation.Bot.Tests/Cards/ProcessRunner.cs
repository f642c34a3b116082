using System.Diagnostics;

namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>Runs a child process to completion with a time limit, capturing stdout and stderr.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// Starts <paramref name="fileName"/> (looked up on PATH) with <paramref name="arguments"/> in
    /// <paramref name="workingDirectory"/>, writes <paramref name="standardInput"/> (if any) and closes stdin,
    /// and waits at most <paramref name="timeout"/>.
    /// </summary>
    /// <param name="environment">Variables to set (a null value removes the variable) for the child only.</param>
    /// <exception cref="TimeoutException">The process ran longer than <paramref name="timeout"/>; it has been killed.</exception>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        string? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} ran longer than {timeout}.");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
