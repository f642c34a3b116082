using ChatEscalation.Bot.Conversations;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Rows;
using ChatEscalation.Persistence.Storage;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using ChatEscalation.Bot.Slack.Protocol;

namespace ChatEscalation.Bot.Slack;

/// <summary>Maps a Slack user id to the engine's <see cref="UserRef"/>: e-mail from <c>users.info</c>, cached in <see cref="ChatDirectory"/>.</summary>
/// <remarks>
/// The policy names people by e-mail, so a Slack user whose e-mail is known acts as that person without linking anything.
/// Someone with no e-mail (scope missing, guest, bot) or whose lookup failed gets the key <c>slack:&lt;id&gt;</c>: they can raise and
/// follow their own tickets. Once an e-mail is cached, <c>users.info</c> is not called again for that user. Lookup failures never throw,
/// and a lookup never takes longer than <see cref="SlackOptions.PeopleLookupBudget"/>, so a slow Slack API cannot make the bot miss
/// the 3-second answer. A failed lookup is not repeated for <see cref="LookupFailures.RetryAfter"/> (<see cref="LookupFailures"/>): an
/// unreachable Slack API costs each person one wait, not every request. When a later lookup succeeds, an App Home opened meanwhile
/// as <c>slack:&lt;id&gt;</c> moves to the person (<see cref="SlackHomeRefresher.Resolved"/>).
/// </remarks>
public sealed class SlackPeopleResolver(ChatDirectory directory, ISlackApi api, TimeProvider time, IOptionsMonitor<SlackOptions> options,
    PersonZones zones, ILogger<SlackPeopleResolver> log, LookupFailures failures, SharedLookups<SlackUserInfo> shared, SlackHomeRefresher? homes = null)
{
    /// <summary>The platform name in <see cref="ChatDirectory"/> and on outbox rows.</summary>
    public const string Platform = "slack";

    /// <summary>The key prefix of people known only by their Slack id.</summary>
    public const string KeyPrefix = "slack:";

    /// <summary>The person behind <paramref name="userId"/>; <paramref name="fallbackName"/> is used while nothing better is known.</summary>
    public async Task<UserRef> ResolveAsync(string? userId, string? fallbackName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId)) return new UserRef(KeyPrefix + "unknown", "Slack user");
        var cached = await directory.FindUserAsync(Platform, userId, ct);
        if (cached?.Email is null && !failures.RecentlyFailed(KeyPrefix + userId))
        {
            try
            {
                var user = await UserInfoAsync(userId, ct);
                var email = user.Email?.Trim().ToLowerInvariant();
                cached = new PlatformUser
                {
                    Platform = Platform,
                    PlatformUserId = userId,
                    Email = string.IsNullOrEmpty(email) ? null : email,
                    Name = First(user.RealName, fallbackName) ?? userId,
                    UpdatedAt = time.GetUtcNow(),
                };
                if (shared.Claim(user)) await directory.UpsertUserAsync(cached, ct); // one waiter of a shared lookup stores it
                failures.Succeeded(KeyPrefix + userId);
                if (cached.Email is { } found) homes?.Resolved(userId, new UserRef(found, cached.Name)); // a home opened as slack:<id> moves to them
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException or TimeoutRejectedException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                log.LogInformation("users.info for {User} failed ({Error}); acting as slack:{User}", userId, e.Message, userId);
            }
        }

        return cached?.Email is { } known
            ? new UserRef(known, cached.Name)
            : new UserRef(KeyPrefix + userId, First(cached?.Name, fallbackName) ?? userId);
    }

    /// <summary>
    /// The user's time zone (<c>users.info</c> <c>tz</c>): remembered from the last lookup, else asked once within
    /// <see cref="SlackOptions.PeopleLookupBudget"/>; null when Slack does not say or the lookup fails.
    /// </summary>
    public async Task<TimeZoneInfo?> ZoneAsync(string? userId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId)) return null;
        if (zones.Find(Platform, userId) is { } known) return known;
        try
        {
            await UserInfoAsync(userId, ct);
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or TimeoutRejectedException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogInformation("users.info for {User} failed ({Error}); times in the desk's zone", userId, e.Message);
        }

        return zones.Find(Platform, userId);
    }

    /// <summary>
    /// <c>users.info</c> for <paramref name="userId"/> within <see cref="SlackOptions.PeopleLookupBudget"/>, one call shared by every
    /// concurrent caller (<see cref="SharedLookups{T}"/>); the zone is remembered and a failure recorded in <see cref="LookupFailures"/>
    /// once, before any waiter resumes. <paramref name="ct"/> ends only this caller's wait.
    /// </summary>
    private Task<SlackUserInfo> UserInfoAsync(string userId, CancellationToken ct) =>
        shared.RunAsync(KeyPrefix + userId, async budget =>
        {
            try
            {
                var user = await api.GetUserAsync(userId, budget);
                zones.Remember(Platform, userId, user.TimeZone);
                return user;
            }
            catch (Exception e) when (e is SlackApiException or HttpRequestException or TimeoutRejectedException or OperationCanceledException)
            {
                failures.Failed(KeyPrefix + userId);
                throw;
            }
        }, options.CurrentValue.PeopleLookupBudget, ct);

    private static string? First(params string?[] names) => names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
}
