using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Reads the rosters of the teams the bot is installed in, so direct messages, pages, mentions and per-viewer cards reach people
/// who never wrote to the bot: each member whose e-mail (or, without one, user principal name) is a person of the policy is stored
/// with their Teams ids (<see cref="ITeamsDirectory.SaveUserAsync"/>), from which a 1:1 chat is created when first needed.
/// </summary>
/// <remarks>
/// <c>GET v3/conversations/{teamId}/pagedmembers</c>, page by page with the continuation token (<see cref="TeamsRosterOptions.RosterPageSize"/>
/// members each). Only people the policy names are stored: the bot needs nobody else before they write to it. A roster is read when the
/// bot is added to a team (<see cref="TeamsRosterQueue"/>) and again once it is older than <see cref="TeamsRosterOptions.RosterRefreshEvery"/>
/// (<see cref="Scheduling.RefreshTeamsRostersJob"/>). A read that fails (throttled, the Connector down) is logged and tried again at
/// the next pass; what it stored so far stays.
/// </remarks>
public sealed class TeamsRoster(
    ITeamsConnector connector,
    ITeamsDirectory directory,
    IPolicyProvider policies,
    IOptionsMonitor<TeamsRosterOptions> options,
    TimeProvider time,
    ILogger<TeamsRoster> log)
{
    /// <summary>Reads the roster of every known team not read within <see cref="TeamsRosterOptions.RosterRefreshEvery"/>; returns how many were read.</summary>
    public async Task<int> RefreshDueAsync(CancellationToken ct)
    {
        var read = 0;
        foreach (var team in await directory.TeamsAsync(ct))
        {
            if (!IsOlderThan(team, options.CurrentValue.RosterRefreshEvery)) continue;
            if (await TryReadAsync(team, ct)) read++;
        }

        return read;
    }

    /// <summary>Reads <paramref name="teamId"/>'s roster unless it was read in the last few minutes (the bot added to several of its channels at once).</summary>
    public async Task<bool> ReadIfStaleAsync(string teamId, CancellationToken ct)
    {
        var team = (await directory.TeamsAsync(ct)).FirstOrDefault(t => t.TeamId == teamId);
        return team is not null && IsOlderThan(team, TeamsRosterOptions.FreshEnough) && await TryReadAsync(team, ct);
    }

    /// <summary>Reads the whole roster of <paramref name="team"/>; returns the policy's people it stored or updated.</summary>
    public async Task<int> ReadAsync(TeamsTeam team, CancellationToken ct)
    {
        var policy = policies.Current;
        var pageSize = options.CurrentValue.RosterPageSize;
        var (token, pages, members, stored) = ((string?)null, 0, 0, 0);
        do
        {
            var page = await connector.GetPagedMembersAsync(team.Reference.ServiceUrl, team.TeamId, pageSize, token, ct);
            members += page.Members.Count;
            var known = await directory.FindUsersByEmailAsync(page.Members.Select(EmailOf).OfType<string>(), ct);
            foreach (var member in page.Members)
            {
                if (EmailOf(member) is not { } email || member.AadObjectId is not { Length: > 0 } aad) continue;
                if (!policy.PeopleNames.ContainsKey(email) && !policy.IsStaff(new UserRef(email, email))) continue;
                var person = new TeamsPerson(aad, member.Id, email, string.IsNullOrWhiteSpace(member.Name) ? policy.Person(email).Name : member.Name);
                if (known.TryGetValue(email, out var cached) && cached == person) continue;
                await directory.SaveUserAsync(person, ct);
                stored++;
            }

            token = page.ContinuationToken;
        }
        while (token is not null && ++pages < TeamsRosterOptions.MaxPages);

        if (token is not null) log.LogWarning("Roster of team {Team} has more than {Pages} pages; the rest is read next time", team.TeamId, TeamsRosterOptions.MaxPages);
        else await directory.RosterReadAsync(team.TeamId, ct);
        log.LogInformation("Read the roster of team {Team}: {Members} members, {Stored} of the policy's people stored or updated", team.TeamId, members, stored);
        return stored;
    }

    private async Task<bool> TryReadAsync(TeamsTeam team, CancellationToken ct)
    {
        try
        {
            await ReadAsync(team, ct);
            return true;
        }
        catch (Exception e) when (e is TeamsConnectorException or TeamsThrottledException or HttpRequestException or TeamsServiceUrlNotAllowedException
                                      or Polly.Timeout.TimeoutRejectedException)
        {
            log.LogWarning("Could not read the roster of team {Team} ({Error}); trying again at the next pass", team.TeamId, e.Message);
            return false;
        }
    }

    private bool IsOlderThan(TeamsTeam team, TimeSpan age) => team.RosterReadAt is not { } at || time.GetUtcNow() - at >= age;

    /// <summary>The member's e-mail, else their user principal name, lower case; null with neither.</summary>
    private static string? EmailOf(TeamsMember member) =>
        (string.IsNullOrWhiteSpace(member.Email) ? member.UserPrincipalName : member.Email)?.Trim().ToLowerInvariant() is { Length: > 0 } e ? e : null;
}
