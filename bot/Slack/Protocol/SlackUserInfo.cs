namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>A Slack user as read by <c>users.info</c>.</summary>
/// <param name="Id">User id.</param>
/// <param name="RealName">Real name (profile real name, else display name, else handle).</param>
/// <param name="Email">Email; null without the <c>users:read.email</c> scope or for bots.</param>
/// <param name="TimeZone">The user's zone (<c>tz</c>, an IANA id such as <c>America/New_York</c>); null when Slack gives none.</param>
public sealed record SlackUserInfo(string Id, string RealName, string? Email, string? TimeZone = null);
