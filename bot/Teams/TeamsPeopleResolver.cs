using ChatEscalation.Bot.Conversations;
using ChatEscalation.Core.Tickets;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Teams.Protocol;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Maps the sender of an activity to the engine's <see cref="UserRef"/>: by Entra object id through the cache, else the Connector's
/// member lookup (email, then userPrincipalName), cached. People with no e-mail get the key <c>teams:&lt;aadObjectId&gt;</c>.
/// </summary>
/// <remarks>
/// In a team the lookup asks the team (<c>channelData.team.id</c>), as the Bot Framework SDK's <c>TeamsInfo.getMember</c> does;
/// elsewhere the activity's conversation. It is cut off after <see cref="TeamsOptions.PeopleLookupBudget"/>, so a slow Connector
/// cannot make the bot miss its answer; a failed lookup is not repeated for <see cref="LookupFailures.RetryAfter"/>. Concurrent first
/// lookups of the same person share one Connector call (<see cref="SharedLookups{T}"/>); one caller giving up does not stop it.
/// </remarks>
public sealed class TeamsPeopleResolver(ITeamsDirectory directory, ITeamsConnector connector, IOptionsMonitor<TeamsOptions> options, LookupFailures failures,
    SharedLookups<TeamsMember> shared)
{
    /// <summary>The person who sent <paramref name="activity"/>; never throws for lookup failures.</summary>
    public async Task<UserRef> ResolveAsync(Activity activity, CancellationToken ct)
    {
        var from = activity.From;
        var aad = from?.AadObjectId;
        var name = string.IsNullOrWhiteSpace(from?.Name) ? "Teams user" : from!.Name!;
        if (string.IsNullOrEmpty(aad)) return new UserRef($"teams:{from?.Id}", name);
        var cached = await directory.FindUserAsync(aad, ct);
        if (cached?.Email is null && !failures.RecentlyFailed("teams:" + aad) && from?.Id is { } userId && activity is { ServiceUrl: { } url, Conversation.Id: { } conversation })
        {
            var key = "teams:" + aad;
            var where = TeamsChannelData.From(activity).TeamId ?? conversation;
            try
            {
                var member = await shared.RunAsync(key, async budget =>
                {
                    try
                    {
                        return await connector.GetMemberAsync(url, where, userId, budget);
                    }
                    catch (Exception e) when (IsLookupFailure(e))
                    {
                        failures.Failed(key); // recorded once, before any waiter resumes
                        throw;
                    }
                }, options.CurrentValue.PeopleLookupBudget, ct);
                var email = (member.Email ?? member.UserPrincipalName)?.ToLowerInvariant();
                cached = new TeamsPerson(aad, userId, email, member.Name ?? name);
                if (shared.Claim(member)) await directory.SaveUserAsync(cached, ct); // one waiter of a shared lookup stores it
                failures.Succeeded(key);
            }
            catch (Exception e) when (IsLookupFailure(e) && !ct.IsCancellationRequested)
            {
                // The person can still raise and follow their own tickets under their Teams key.
            }
        }

        return cached?.Email is { } known ? new UserRef(known, cached.Name) : new UserRef($"teams:{aad}", name);
    }

    private static bool IsLookupFailure(Exception e) =>
        e is TeamsConnectorException or TeamsThrottledException or HttpRequestException or TeamsServiceUrlNotAllowedException or OperationCanceledException;
}
