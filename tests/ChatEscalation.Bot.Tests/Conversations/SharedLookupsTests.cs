using ChatEscalation.Bot.Conversations;

namespace ChatEscalation.Bot.Tests.Conversations;

/// <summary>Concurrent lookups of one key share one call; cancellation and failures behave per caller.</summary>
public sealed class SharedLookupsTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(1);
    private readonly SharedLookups<string> shared = new();

    [Fact]
    public async Task RunAsync_SameKeyConcurrently_OneCallSharedByAll()
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var waiting = Enumerable.Range(0, 20)
            .Select(_ => shared.RunAsync("slack:U1", _ => { Interlocked.Increment(ref calls); return answer.Task; }, Budget, CancellationToken.None))
            .ToList();

        shared.WaitersOf("slack:U1").ShouldBe(20);
        answer.SetResult("uma@demo.local");

        (await Task.WhenAll(waiting)).ShouldAllBe(r => r == "uma@demo.local");
        calls.ShouldBe(1);
        shared.InFlight.ShouldBe(0);
    }

    [Fact]
    public async Task Claim_EveryWaiterOfOneCall_OnlyTheFirstClaimsTheResult()
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Enumerable.Range(0, 20).Select(_ => shared.RunAsync("slack:U1", _ => answer.Task, Budget, CancellationToken.None)).ToList();
        answer.SetResult(new string('u', 3));

        var results = await Task.WhenAll(waiting);

        results.Count(shared.Claim).ShouldBe(1);
        shared.Claim(new string('u', 3)).ShouldBeTrue(); // a later call's result is another instance: its first caller stores it again
    }

    [Fact]
    public async Task RunAsync_DifferentKeys_OneCallEach()
    {
        var calls = new List<string>();
        await Task.WhenAll(
            shared.RunAsync("slack:U1", _ => { lock (calls) calls.Add("U1"); return Task.FromResult("a"); }, Budget, CancellationToken.None),
            shared.RunAsync("slack:U2", _ => { lock (calls) calls.Add("U2"); return Task.FromResult("b"); }, Budget, CancellationToken.None));

        calls.Order().ShouldBe(["U1", "U2"]);
    }

    [Fact]
    public async Task RunAsync_AfterTheCallFinished_NextCallerStartsAFreshCall()
    {
        var calls = 0;
        await shared.RunAsync("slack:U1", _ => Task.FromResult($"first {++calls}"), Budget, CancellationToken.None);

        (await shared.RunAsync("slack:U1", _ => Task.FromResult($"second {++calls}"), Budget, CancellationToken.None)).ShouldBe("second 2");
    }

    [Fact]
    public async Task RunAsync_OneCallerCancels_OthersStillGetTheResultAndTheCallGoesOn()
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken callToken = default;
        using var first = new CancellationTokenSource();
        var starter = shared.RunAsync("slack:U1", ct => { callToken = ct; return answer.Task; }, Budget, first.Token);
        var other = shared.RunAsync("slack:U1", _ => throw new InvalidOperationException("not called"), Budget, CancellationToken.None);

        await first.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => starter);
        callToken.IsCancellationRequested.ShouldBeFalse(); // the starter's cancellation is not the call's
        shared.WaitersOf("slack:U1").ShouldBe(1);
        answer.SetResult("uma@demo.local");
        (await other).ShouldBe("uma@demo.local");
    }

    [Fact]
    public async Task RunAsync_CallFails_EveryWaiterGetsTheFailureAndTheEntryIsGone()
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Enumerable.Range(0, 5).Select(_ => shared.RunAsync("slack:U1", _ => answer.Task, Budget, CancellationToken.None)).ToList();

        answer.SetException(new HttpRequestException("connection refused"));

        foreach (var w in waiting) (await Should.ThrowAsync<HttpRequestException>(() => w)).Message.ShouldBe("connection refused");
        shared.InFlight.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_BudgetRunsOut_WaitersGetACancellationTheirOwnTokenDidNotCause()
    {
        using var caller = new CancellationTokenSource();
        var waiting = shared.RunAsync("slack:U1", async ct => { await Task.Delay(Timeout.Infinite, ct); return "never"; }, TimeSpan.Zero, caller.Token);

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
        caller.IsCancellationRequested.ShouldBeFalse(); // so the resolvers treat it as a failed lookup, not as their request ending
        shared.InFlight.ShouldBe(0);
    }
}
