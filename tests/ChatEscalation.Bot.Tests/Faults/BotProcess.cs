using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ChatEscalation.Bot.Tests.Faults;

/// <summary>
/// The built bot (<c>ChatEscalation.Bot.dll</c> next to the tests) run as a child process the way an operator runs it, in the Production
/// environment with JSON console logs, so a test can do to it what happens to a real process: <c>kill -9</c> (<see cref="Kill"/>) or
/// SIGTERM (<see cref="TerminateAsync"/>), and start it again on the same database.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private const string ReadyLine = "ChatEscalation is ready";
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource<Uri> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task readers;

    private BotProcess(Process process)
    {
        this.process = process;
        readers = Task.WhenAll(ReadAsync(process.StandardOutput), ReadAsync(process.StandardError));
    }

    /// <summary>The bot's own address (loopback, a port the system chose).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every console line so far (JSON log entries, or anything the runtime printed).</summary>
    public IReadOnlyList<string> Output => output.ToArray();

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Starts the bot with <paramref name="settings"/> as command-line configuration and waits until it logs that it is ready.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatEscalation.Bot.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add("--Logging:Console:FormatterName=json");
        foreach (var (key, value) in settings) start.ArgumentList.Add($"--{key}={value}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        var bot = new BotProcess(Process.Start(start)!);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            bot.BaseAddress = await bot.ready.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bot.Kill();
            throw new TimeoutException("The bot did not get ready within 120 s:\n" + string.Join("\n", bot.Output.TakeLast(30)));
        }

        return bot;
    }

    /// <summary><c>kill -9</c>: the process ends at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Sends SIGTERM (what a container runtime or systemd sends) and returns how long the process took to exit.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="limit"/>; it has been killed.</exception>
    public async Task<TimeSpan> TerminateAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"The bot was still running {limit.TotalSeconds:0} s after SIGTERM:\n" + string.Join("\n", Output.TakeLast(30)));
        }

        return clock.Elapsed;
    }

    /// <summary>The exit code (after <see cref="TerminateAsync"/>).</summary>
    public int ExitCode => process.ExitCode;

    private async Task ReadAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            output.Enqueue(line);
            if (!ready.Task.IsCompleted && line.Contains(ReadyLine, StringComparison.Ordinal) && ReadyUrl(line) is { } url) ready.TrySetResult(url);
        }

        ready.TrySetCanceled();
    }

    private static Uri? ReadyUrl(string line)
    {
        try
        {
            using var entry = JsonDocument.Parse(line);
            return entry.RootElement.GetProperty("State").GetProperty("Url").GetString() is { } url ? new Uri(url) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await readers;
        process.Dispose();
    }
}
