using System.Net;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using Xunit.Abstractions;

namespace ChatEscalation.Bot.Tests.Faults;

/// <summary>
/// The bot as a real process (<see cref="BotProcess"/>) killed with <c>kill -9</c> or stopped with SIGTERM in the middle of its work, then
/// started again on the same SQLite file while Slack (<see cref="FakeSlackWebApi"/>) redelivers: every report becomes exactly one ticket,
/// every message reaches Slack exactly once, and nothing is held only in memory at exit.
/// </summary>
[Trait("Category", "Process")]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Reports = 40;
    private const string InFlight = "SELECT COUNT(*) FROM OutboxMessages WHERE State = 'Sending'";

    [Fact]
    public async Task KillDuringRequests_SlackRedeliversEveryEvent_EachReportBecomesOneTicketAnsweredOnce()
    {
        await using var fixture = await CrashFixture.StartAsync();
        fixture.Api.Stall("users.info", TimeSpan.FromSeconds(1)); // each request spends a second in its people lookup
        var acknowledged = 0;
        await using (var first = await BotProcess.StartAsync(fixture.Settings()))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            var sends = Enumerable.Range(0, Reports).Select(async i =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * i)); // Slack's deliveries arrive spread out
                using var response = await CrashFixture.SendEventAsync(client, CrashFixture.Report(i));
                if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref acknowledged);
            }).ToList();

            // The kill comes once some reports are done: others are then committing, waiting on Slack, or not yet sent.
            await CrashFixture.WaitUntilAsync(() => Volatile.Read(ref acknowledged) >= Reports / 4, "the first acknowledgements");
            first.Kill();
            foreach (var send in sends) await send.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var ticketsAtKill = fixture.Count("SELECT COUNT(*) FROM Tickets");
        var receiptsAtKill = fixture.Count("SELECT COUNT(*) FROM InboundEvents");
        output.WriteLine($"before the kill: {acknowledged} of {Reports} events acknowledged; at the kill: {ticketsAtKill} tickets, {receiptsAtKill} receipts");
        ticketsAtKill.ShouldBe(receiptsAtKill); // a receipt never exists without its work

        fixture.Api.Stall("users.info", TimeSpan.Zero);
        await using var second = await BotProcess.StartAsync(fixture.Settings());
        using var again = new HttpClient { BaseAddress = second.BaseAddress };
        for (var i = 0; i < Reports; i++)
        {
            using var response = await CrashFixture.SendEventAsync(again, CrashFixture.Report(i), retryNum: 1);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await CrashFixture.WaitUntilAsync(() => fixture.Count("SELECT COUNT(*) FROM Tickets") == Reports && fixture.Unsettled() == 0, "every ticket and message");
        await Task.Delay(TimeSpan.FromSeconds(5)); // longer than the claim lease: a duplicate would have been sent by now

        fixture.Count("SELECT COUNT(*) FROM Tickets").ShouldBe(Reports);
        fixture.Count("SELECT COUNT(*) FROM InboundEvents").ShouldBe(Reports);
        for (var i = 0; i < Reports; i++)
        {
            var word = CrashFixture.Word(i);
            fixture.Count($"SELECT COUNT(*) FROM Tickets WHERE State LIKE '%{word}%'").ShouldBe(1, $"tickets for report {i}");
            fixture.Api.Posted.Count(p => p.Channel == CrashFixture.ReportChannel(i)).ShouldBe(1, $"answers to report {i}");
        }

        ShouldHoldEveryPostOnce(fixture);
        fixture.Api.Posted.Count(p => p.Channel.StartsWith("C0TIER", StringComparison.Ordinal) && p.ThreadTs is null).ShouldBe(Reports);
    }

    [Theory]
    [InlineData(false)] // Slack never got the post: the new process sends it
    [InlineData(true)] // Slack posted it but the answer never came back: the new process finds it in the history and does not post again
    public async Task KillDuringSends_NextStartFinishesDelivery_EachMessagePostedOnce(bool slackDidIt)
    {
        const int reports = 10;
        await using var fixture = await CrashFixture.StartAsync();
        if (slackDidIt) fixture.Api.SlowAnswer("chat.postMessage", TimeSpan.FromSeconds(30), times: 1000);
        else fixture.Api.Stall("chat.postMessage", TimeSpan.FromSeconds(30));
        await using (var first = await BotProcess.StartAsync(fixture.Settings()))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            for (var i = 0; i < reports; i++)
            {
                using var response = await CrashFixture.SendEventAsync(client, CrashFixture.Report(i));
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            await CrashFixture.WaitUntilAsync(() => fixture.Count(InFlight) > 0, "a post in flight");
            first.Kill();
        }

        var inFlight = fixture.Count(InFlight);
        output.WriteLine($"at the kill: {inFlight} messages claimed mid-send, {fixture.Unsettled()} unsettled, {fixture.Api.Posted.Count} held by Slack");
        inFlight.ShouldBeGreaterThan(0);

        fixture.Api.SlowAnswer("chat.postMessage", TimeSpan.Zero, times: 0);
        fixture.Api.Stall("chat.postMessage", TimeSpan.Zero);
        await using var second = await BotProcess.StartAsync(fixture.Settings());
        await CrashFixture.WaitUntilAsync(() => fixture.Unsettled() == 0, "every message delivered after the restart");

        for (var i = 0; i < reports; i++)
        {
            fixture.Api.Posted.Count(p => p.Channel == CrashFixture.ReportChannel(i)).ShouldBe(1, $"answers to report {i}");
        }

        ShouldHoldEveryPostOnce(fixture);
        if (slackDidIt) fixture.Api.Calls.ShouldContain(c => c.Method == "conversations.history" || c.Method == "conversations.replies");
    }

    [Fact]
    public async Task SigtermWhileSlackHangs_StopsWithinShutdownTimeout_NextStartDeliversWhatWasLeft()
    {
        const int reports = 10;
        const int shutdownTimeout = 10;
        await using var fixture = await CrashFixture.StartAsync();
        fixture.Api.Stall("chat.postMessage", TimeSpan.FromMinutes(5));
        fixture.Api.Stall("chat.update", TimeSpan.FromMinutes(5));
        TimeSpan stoppedIn;
        await using (var first = await BotProcess.StartAsync(fixture.Settings(shutdownTimeout)))
        {
            using var client = new HttpClient { BaseAddress = first.BaseAddress };
            for (var i = 0; i < reports; i++)
            {
                using var response = await CrashFixture.SendEventAsync(client, CrashFixture.Report(i));
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            await CrashFixture.WaitUntilAsync(() => fixture.Count(InFlight) > 0, "posts hanging at Slack");
            stoppedIn = await first.TerminateAsync(TimeSpan.FromSeconds(shutdownTimeout + 20));
            output.WriteLine($"stopped {stoppedIn.TotalSeconds:0.0} s after SIGTERM (exit code {first.ExitCode}); {fixture.Unsettled()} messages left for the next start");
        }

        stoppedIn.ShouldBeLessThan(TimeSpan.FromSeconds(shutdownTimeout));
        fixture.Unsettled().ShouldBeGreaterThan(0);
        fixture.Api.Posted.ShouldBeEmpty();

        fixture.Api.Stall("chat.postMessage", TimeSpan.Zero);
        fixture.Api.Stall("chat.update", TimeSpan.Zero);
        await using var second = await BotProcess.StartAsync(fixture.Settings(shutdownTimeout));
        await CrashFixture.WaitUntilAsync(() => fixture.Unsettled() == 0, "what was left delivered by the next start");
        for (var i = 0; i < reports; i++)
        {
            fixture.Api.Posted.Count(p => p.Channel == CrashFixture.ReportChannel(i)).ShouldBe(1, $"answers to report {i}");
        }

        ShouldHoldEveryPostOnce(fixture);
        fixture.Api.Posted.Count(p => p.Channel.StartsWith("C0TIER", StringComparison.Ordinal) && p.ThreadTs is null).ShouldBe(reports);
    }

    /// <summary>Slack holds no outbox message twice, every post names its outbox message, and each of those is recorded as sent.</summary>
    private static void ShouldHoldEveryPostOnce(CrashFixture fixture)
    {
        var posted = fixture.PostedOutboxIds();
        posted.Count.ShouldBe(fixture.Api.Posted.Count);
        posted.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("outbox messages Slack holds twice");
        foreach (var id in posted) fixture.Count($"SELECT COUNT(*) FROM OutboxMessages WHERE Id = {id} AND State = 'Sent'").ShouldBe(1, $"outbox message {id}");
    }
}
