using ChatEscalation.Bot.Conversations;
using ChatEscalation.Bot.Slack;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Bot.Tests.Slack.ChatFixtures;
using ChatEscalation.Core.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace ChatEscalation.Bot.Tests.Slack;

/// <summary>Many first requests of one person at once cost one <c>users.info</c> call (counted by the Slack double), whatever happens to it.</summary>
public sealed class SlackPeopleLookupTests : IAsyncLifetime
{
    private const int Callers = 20;
    private static readonly SlackChatUser Carol = SlackChatUser.Carol;
    private RunningSlackChatHost host = null!;

    public async Task InitializeAsync() => host = await RunningSlackChatHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private SharedLookups<SlackUserInfo> Shared => host.Services.GetRequiredService<SharedLookups<SlackUserInfo>>();

    private int UsersInfoCalls => host.Api.Calls.Count(c => c.Method == "users.info");

    [Fact]
    public async Task ResolveAsync_ManyFirstLookupsAtOnce_OneUsersInfoCallSharedByAll()
    {
        var (arrived, release) = host.Api.Hold("users.info");
        var resolving = Enumerable.Range(0, Callers).Select(_ => ResolveAsync(Carol.Id, CancellationToken.None)).ToList();
        await arrived.WaitAsync(TimeSpan.FromSeconds(10));
        await AllWaitingAsync(Callers);

        release.SetResult();

        (await Task.WhenAll(resolving)).ShouldAllBe(u => u.Key == Carol.Email);
        UsersInfoCalls.ShouldBe(1);
        await using (var scope = host.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<SlackPeopleResolver>().ZoneAsync(Carol.Id, CancellationToken.None))!.Id.ShouldBe("America/New_York");
        UsersInfoCalls.ShouldBe(1); // the zone came with the shared answer
    }

    [Fact]
    public async Task ResolveAsync_OneCallerGivesUp_TheOthersStillGetThePerson()
    {
        var (arrived, release) = host.Api.Hold("users.info");
        using var leaving = new CancellationTokenSource();
        var first = ResolveAsync(Carol.Id, leaving.Token);
        var others = Enumerable.Range(0, Callers - 1).Select(_ => ResolveAsync(Carol.Id, CancellationToken.None)).ToList();
        await arrived.WaitAsync(TimeSpan.FromSeconds(10));
        await AllWaitingAsync(Callers);

        await leaving.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => first);
        release.SetResult();

        (await Task.WhenAll(others)).ShouldAllBe(u => u.Key == Carol.Email);
        UsersInfoCalls.ShouldBe(1);
    }

    [Fact]
    public async Task ResolveAsync_SharedCallFails_EveryoneFallsBackAndTheFailureIsRemembered()
    {
        host.Api.Enqueue(200, """{"ok":false,"error":"fatal_error"}""", method: "users.info");
        var (arrived, release) = host.Api.Hold("users.info");
        var resolving = Enumerable.Range(0, Callers).Select(_ => ResolveAsync(Carol.Id, CancellationToken.None)).ToList();
        await arrived.WaitAsync(TimeSpan.FromSeconds(10));
        await AllWaitingAsync(Callers);

        release.SetResult();

        (await Task.WhenAll(resolving)).ShouldAllBe(u => u.Key == SlackPeopleResolver.KeyPrefix + Carol.Id);
        UsersInfoCalls.ShouldBe(1);
        host.Services.GetRequiredService<LookupFailures>().RecentlyFailed(SlackPeopleResolver.KeyPrefix + Carol.Id).ShouldBeTrue();
        (await ResolveAsync(Carol.Id, CancellationToken.None)).Key.ShouldBe(SlackPeopleResolver.KeyPrefix + Carol.Id);
        UsersInfoCalls.ShouldBe(1); // the negative cache answers until LookupFailures.RetryAfter
    }

    /// <summary>One resolver per caller, each in its own scope (as each request has its own).</summary>
    private async Task<UserRef> ResolveAsync(string userId, CancellationToken ct)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlackPeopleResolver>().ResolveAsync(userId, null, ct);
    }

    /// <summary>Until every caller has joined the held call (each first reads the directory, so they arrive in their own time).</summary>
    private async Task AllWaitingAsync(int callers)
    {
        var key = SlackPeopleResolver.KeyPrefix + Carol.Id;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Shared.WaitersOf(key) < callers)
        {
            limit.Token.ThrowIfCancellationRequested();
            await Task.Yield();
        }
    }
}
