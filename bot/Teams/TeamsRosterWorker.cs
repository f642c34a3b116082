namespace ChatEscalation.Bot.Teams;

/// <summary>Reads the rosters asked for by <see cref="TeamsRosterQueue"/>, one at a time, each in its own scope.</summary>
public sealed class TeamsRosterWorker(TeamsRosterQueue queue, IServiceScopeFactory scopes, ILogger<TeamsRosterWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string team;
            try
            {
                team = await queue.NextAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TeamsRoster>().ReadIfStaleAsync(team, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Reading the roster of team {Team} failed; the scheduled refresh tries again", team);
            }
            finally
            {
                queue.Done();
            }
        }
    }
}
