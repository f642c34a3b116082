using ChatEscalation.Bot.Teams;
using Coravel.Invocable;

namespace ChatEscalation.Bot.Scheduling;

/// <summary>
/// Coravel job (every 5 minutes, and once at start): reads the roster of each known team older than <c>Teams:RosterRefreshEvery</c>
/// (<see cref="TeamsRoster.RefreshDueAsync"/>); nothing to do without Teams.
/// </summary>
public sealed class RefreshTeamsRostersJob(IServiceScopeFactory scopes) : IInvocable, ICancellableInvocable
{
    public CancellationToken CancellationToken { get; set; }

    public async Task Invoke()
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<TeamsRoster>() is { } roster) await roster.RefreshDueAsync(CancellationToken);
    }
}
