using System.Diagnostics;
using System.Text.Json;

namespace ChatEscalation.Bot.Tests.Hosting;

/// <summary><c>Logging:Console:FormatterName=json</c> on the real program (a child process of the built bot): every console line is one JSON object.</summary>
public sealed class ConsoleLogFormatTests
{
    [Fact]
    public async Task Program_JsonFormatter_EveryConsoleLineIsAStructuredJsonEntry()
    {
        var folder = Directory.CreateTempSubdirectory("chatescalation-json-log-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "ChatEscalation.Bot.dll"),
            "--urls", "http://127.0.0.1:0",
            "--Logging:Console:FormatterName=json",
            $"--ConnectionStrings:Escalation=Data Source={Path.Combine(folder, "e.db")}",
            "--Scheduler:Enabled=false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length > 0) lines.Add(line);
                if (line.Contains("ChatEscalation is ready", StringComparison.Ordinal)) break;
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }

        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            entry.RootElement.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty();
            entry.RootElement.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty();
            entry.RootElement.TryGetProperty("Message", out _).ShouldBeTrue();
        }

        var ready = lines.Select(l => JsonDocument.Parse(l).RootElement).Last();
        ready.GetProperty("Message").GetString()!.ShouldContain("ChatEscalation is ready");
        ready.GetProperty("State").GetProperty("Url").GetString()!.ShouldStartWith("http://127.0.0.1:");
    }
}
