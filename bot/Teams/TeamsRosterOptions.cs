using System.ComponentModel.DataAnnotations;

namespace ChatEscalation.Bot.Teams;

/// <summary>How the bot reads the rosters of the teams it is installed in (keys of the <c>Teams</c> section).</summary>
public sealed class TeamsRosterOptions
{
    /// <summary>
    /// <c>Teams:RosterRefreshEvery</c>: how old a team's roster may get before the scheduled job reads it again (people join, change
    /// their 1:1 ids). Default 6 hours; the job looks every 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Teams:RosterRefreshEvery must be between 5 minutes and 7 days.")]
    public TimeSpan RosterRefreshEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary><c>Teams:RosterPageSize</c>: members per <c>pagedmembers</c> page (Teams allows 50 to 500). Default 500.</summary>
    [Range(50, 500, ErrorMessage = "Teams:RosterPageSize must be between 50 and 500 (what Teams allows).")]
    public int RosterPageSize { get; set; } = 500;

    /// <summary>
    /// <c>Teams:RosterOnInstall</c>: read a team's roster in the background as soon as the bot is added to it. Default true; tests
    /// that count every Connector call in order turn it off and read it themselves.
    /// </summary>
    public bool RosterOnInstall { get; set; } = true;

    /// <summary>An install (or a first sight of a team) does not read a roster read less than this long ago.</summary>
    public static readonly TimeSpan FreshEnough = TimeSpan.FromMinutes(5);

    /// <summary>Most pages read from one roster in one pass (500 × 400 = 200,000 members); the rest waits for the next pass.</summary>
    public const int MaxPages = 400;
}
