using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using Microsoft.Data.Sqlite;

namespace ChatEscalation.Bot.Tests.Faults;

/// <summary>
/// One database folder, one <see cref="FakeSlackWebApi"/> and the settings to run <see cref="BotProcess"/> against them, for tests that
/// stop the bot abruptly and start it again: signed Slack events from many DM channels, and what the database and Slack hold afterwards.
/// </summary>
public sealed class CrashFixture : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("chatescalation-crash-").FullName;

    private CrashFixture(FakeSlackWebApi api) => Api = api;

    public FakeSlackWebApi Api { get; }

    public static async Task<CrashFixture> StartAsync() => new(await FakeSlackWebApi.StartAsync());

    /// <summary>
    /// The bot's settings: this folder's SQLite file, Slack over HTTP at the fake, the scheduler on (an outbox pass every second), a send
    /// budget of 2 s inside a claim lease of 4 s (so a message left claimed by a dead process is taken again quickly), and
    /// <paramref name="shutdownTimeout"/> as the host's <c>shutdownTimeoutSeconds</c>.
    /// </summary>
    public Dictionary<string, string> Settings(int shutdownTimeout = 10)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Escalation"] = $"Data Source={DatabasePath}",
            ["shutdownTimeoutSeconds"] = shutdownTimeout.ToString(CultureInfo.InvariantCulture),
            ["Scheduler:DispatchEverySeconds"] = "1",
            ["Outbox:SendTimeout"] = "00:00:02",
            ["Outbox:ClaimLease"] = "00:00:04",
            ["Slack:SigningSecret"] = RunningSlackChatHost.SigningSecret,
            ["Slack:BotToken"] = "xoxb-crash-token",
            ["Slack:ApiBaseUrl"] = Api.ApiBaseUrl,
            ["Slack:ApiRetryBaseDelay"] = "00:00:00",
            ["Slack:ApiAttemptTimeout"] = "00:00:01",
            ["Slack:PublicBaseUrl"] = "https://desk.example.com",
            ["Policy:ManagerChannel:Slack"] = RunningSlackChatHost.ManagerChannel,
            ["Policy:OnCallChannel:Slack"] = RunningSlackChatHost.OnCallChannel,
        };
        for (var i = 0; i < 4; i++) settings[$"Policy:Tiers:{i}:Channel:Slack"] = RunningSlackChatHost.TierChannel(i + 1);
        return settings;
    }

    public string DatabasePath => Path.Combine(folder, "e.db");

    /// <summary>The DM channel of report <paramref name="index"/>: every report comes from its own conversation, so its answer is countable.</summary>
    public static string ReportChannel(int index) => $"D0CRASH{index:D2}";

    /// <summary>
    /// A DM from Uma in <see cref="ReportChannel"/> raising a ticket whose title is one word of its own (no two reports look alike, so
    /// nothing is offered as "the same problem"), as Slack's <c>event_callback</c> with event id <c>Ev0CRASH{index}</c>.
    /// </summary>
    public static string Report(int index) => new JsonObject
    {
        ["team_id"] = SlackChatPayloads.TeamId,
        ["api_app_id"] = SlackChatPayloads.AppId,
        ["event"] = new JsonObject
        {
            ["type"] = "message",
            ["user"] = SlackChatUser.Uma.Id,
            ["text"] = $"ticket {Word(index)}",
            ["ts"] = $"1773136900.{index:D6}",
            ["channel"] = ReportChannel(index),
            ["channel_type"] = "im",
            ["event_ts"] = $"1773136900.{index:D6}",
        },
        ["type"] = "event_callback",
        ["event_id"] = $"Ev0CRASH{index:D2}",
        ["event_time"] = 1773136900,
    }.ToJsonString();

    /// <summary>A made-up word unique to report <paramref name="index"/>.</summary>
    public static string Word(int index) => "zorblax" + (char)('a' + index / 26) + (char)('a' + index % 26);

    /// <summary>POSTs <paramref name="body"/> to <c>/slack/events</c> of <paramref name="bot"/>, signed now; a redelivery carries Slack's retry headers.</summary>
    public static async Task<HttpResponseMessage> SendEventAsync(HttpClient client, string body, int retryNum = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", RunningSlackChatHost.Sign(ts, bytes));
        if (retryNum > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await client.SendAsync(request);
    }

    /// <summary>One number from the database (read-only, while the bot may be running).</summary>
    public long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Outbox messages not yet settled (pending, in flight, unconfirmed or parked).</summary>
    public long Unsettled() => Count("SELECT COUNT(*) FROM OutboxMessages WHERE Platform = 'slack' AND State NOT IN ('Sent', 'Skipped')");

    /// <summary>Waits until <paramref name="done"/> holds (checked every 200 ms), at most <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> done, string what, int seconds = 60)
    {
        for (var waited = 0; waited < seconds * 5; waited++)
        {
            if (done()) return;
            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited {seconds} s for {what}.");
    }

    /// <summary>Ids of every outbox message that became a new Slack post (not an update of one).</summary>
    public IReadOnlyList<long> PostedOutboxIds() => Api.Posted
        .Select(p => p.Metadata?["event_payload"]?["outbox_id"]?.GetValue<string>())
        .OfType<string>()
        .Select(id => long.Parse(id, CultureInfo.InvariantCulture))
        .ToList();

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
