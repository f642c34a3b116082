using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Slack;

/// <summary>
/// Publishes Slack App Homes (<c>views.publish</c>): at once when a person opens theirs (<c>app_home_opened</c>), and again, debounced,
/// when a ticket change concerns them (<see cref="HomeRefresher{TTarget}"/>: 2 s per person, one worker, a 429 waits Retry-After).
/// </summary>
/// <remarks>
/// Only for people who opened the home since the process started: Slack sends <c>app_home_opened</c> every time a person opens the tab,
/// so after a restart their first look publishes a fresh home; nobody else's home needs pushing. Slack allows 100+ <c>views.publish</c> a
/// minute.
/// </remarks>
public sealed class SlackHomeRefresher(IServiceScopeFactory scopes, IPolicyProvider policies, TimeProvider time, ILogger<SlackHomeRefresher> log)
    : HomeRefresher<string>(policies, time, log)
{
    /// <summary>A person opened their home (Slack user <paramref name="slackUserId"/>): remember them and publish it now.</summary>
    public void Opened(UserRef person, string slackUserId) => Remember(person, slackUserId, refreshNow: true);

    /// <summary>
    /// The lookup of Slack user <paramref name="slackUserId"/> now names <paramref name="person"/>. A home remembered under
    /// <c>slack:&lt;id&gt;</c> (opened while that lookup failed or ran out of time) moves to the person and is published again now: it
    /// showed the tickets of nobody known, and changes to theirs would not have refreshed it until they opened it again.
    /// </summary>
    public void Resolved(string slackUserId, UserRef person)
    {
        var byId = SlackPeopleResolver.KeyPrefix + slackUserId;
        if (string.Equals(person.Key, byId, StringComparison.OrdinalIgnoreCase) || !Forget(byId)) return;
        Remember(person, slackUserId, refreshNow: true);
    }

    /// <inheritdoc />
    protected override async Task RefreshAsync(UserRef person, string slackUserId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<SlackPeopleResolver>();
        var home = await scope.ServiceProvider.GetRequiredService<HomeBuilder>().BuildAsync(person, await people.ZoneAsync(slackUserId, ct), ct);
        await scope.ServiceProvider.GetRequiredService<ISlackApi>().PublishHomeAsync(slackUserId, SlackHomeRenderer.Render(home), ct);
    }

    /// <inheritdoc />
    protected override TimeSpan? RetryAfterOf(Exception failure) =>
        failure is SlackRateLimitedException limited ? limited.RetryAfter ?? HomeRefresh.DefaultRetryAfter : null;

    /// <inheritdoc />
    protected override string Describe(string slackUserId) => "views.publish for " + slackUserId;
}
