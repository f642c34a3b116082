using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatEscalation.Persistence.Storage;
using Microsoft.EntityFrameworkCore;

namespace ChatEscalation.Persistence.Tests;

/// <summary>A throwaway PostgreSQL cluster in a temp folder on a free loopback port, run as user postgres when the tests run as root.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string _folder = "";
    private string _bin = "";
    public string ConnectionString { get; private set; } = "";

    /// <summary>The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")) : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    public async Task InitializeAsync()
    {
        if (FindBinaries() is not { } bin) return;
        _bin = bin;
        _folder = Path.Combine(Path.GetTempPath(), "escalation-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (Environment.UserName == "root") await RunAsync("chown", $"postgres {_folder}", asPostgres: false);
        await RunAsync(Path.Combine(_bin, "initdb"), $"-D {_folder}/data -U postgres --auth=trust -E UTF8 --no-sync");
        // A port found free can be taken by a parallel test before the server binds it: try another one then.
        var port = 0;
        for (var attempt = 1; ; attempt++)
        {
            port = FreePort();
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_folder}/data -l {_folder}/log -w -o \"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off\" start");
                break;
            }
            catch (InvalidOperationException) when (attempt < 3) { }
        }
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40";
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public EscalationDbContext NewContext() =>
        new PostgresEscalationDbContext(new DbContextOptionsBuilder<PostgresEscalationDbContext>().UseNpgsql(ConnectionString).Options);

    public async Task DisposeAsync()
    {
        if (_folder.Length == 0) return;
        Npgsql.NpgsqlConnection.ClearAllPools();
        try { await RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_folder}/data -m immediate -w stop"); }
        finally { try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres = true)
    {
        var runAs = asPostgres && Environment.UserName == "root";
        var start = new ProcessStartInfo(runAs ? "runuser" : file, runAs ? $"-u postgres -- {file} {arguments}" : arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await error}{await output}");
    }
}
