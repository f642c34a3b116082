using System.Security.Cryptography;
using System.Text;

namespace ChatEscalation.Bench.FullPath;

/// <summary>
/// <c>sign</c>: writes pre-signed requests for wrk (its Lua has no HMAC or RSA), one per line.
/// Slack kinds, <c>timestamp TAB signature TAB body</c>: <c>slack-raise</c> (<c>/ticket &lt;unique text&gt;</c>) and <c>slack-accept</c>
/// (Accept on ticket 1, 2, 3 … by a Tier 1 technician); the secret is <c>SLACK_SIGNING_SECRET</c> (run_peers.sh's) or the bench default.
/// Teams kinds, <c>authorization TAB body</c>, each with its own token (<see cref="TeamsBodies"/>): <c>teams-raise</c> (a 1:1
/// <c>ticket &lt;unique text&gt;</c> message) and <c>teams-accept</c> (the Accept invoke on ticket 1, 2, 3 …); they need
/// <c>--key</c> (local_issuer.js's PEM), <c>--app-id</c> and <c>--service-url</c> (the Connector stand-in's).
/// </summary>
public static class BodyFile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kind = Options.Value(args, "--kind") ?? throw new ArgumentException("--kind slack-raise|slack-accept");
        var count = Options.Int(args, "--count", 100_000);
        var output = Options.Value(args, "--out") ?? throw new ArgumentException("--out file");
        var secret = Environment.GetEnvironmentVariable("SLACK_SIGNING_SECRET") is { Length: > 0 } s ? s : SlackBodies.SigningSecret;
        var run = Guid.NewGuid().ToString("N")[..8];
        var ts = SlackBodies.Now();
        await using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
        if (kind.StartsWith("teams-", StringComparison.Ordinal))
        {
            using var key = RSA.Create();
            key.ImportFromPem(await File.ReadAllTextAsync(Options.Value(args, "--key") ?? throw new ArgumentException("--key issuer.pem")));
            var teams = new TeamsBodies(Options.Value(args, "--app-id") ?? throw new ArgumentException("--app-id"),
                Options.Value(args, "--service-url") ?? throw new ArgumentException("--service-url"), key);
            var valid = TimeSpan.FromHours(Options.Int(args, "--hours", 12));
            for (var n = 1; n <= count; n++)
            {
                var body = kind switch
                {
                    "teams-raise" => teams.Raise(n, run),
                    "teams-accept" => teams.Accept(n, n, run, TechnicianFor(n)[2..].ToLowerInvariant()),
                    _ => throw new ArgumentException($"unknown kind {kind}"),
                };
                await writer.WriteAsync($"{teams.Authorization($"{run}-{n}", valid)}\t{body}\n");
            }

            return 0;
        }

        for (var n = 1; n <= count; n++)
        {
            var body = kind switch
            {
                "slack-raise" => SlackBodies.Raise(n, run),
                "slack-accept" => SlackBodies.Accept(n, n, run, TechnicianFor(n)),
                _ => throw new ArgumentException($"unknown kind {kind}"),
            };
            await writer.WriteAsync($"{ts}\t{SlackBodies.Sign(ts, body, secret)}\t{body}\n");
        }

        return 0;
    }

    /// <summary>The Tier 1 technicians of the demo policy, taking turns.</summary>
    private static string TechnicianFor(long n) => (n % 3) switch { 0 => "U0ALICE", 1 => "U0BOB", _ => "U0LENA" };
}
