namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>The outcome of a finished child process: its exit code and everything it printed.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Throws with the captured output when <see cref="ExitCode"/> is not 0; returns this otherwise.</summary>
    public ProcessResult EnsureSuccess(string what) => ExitCode == 0
        ? this
        : throw new InvalidOperationException(
            $"{what} exited with {ExitCode}.{Environment.NewLine}stdout:{Environment.NewLine}{StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{StandardError}");
}
