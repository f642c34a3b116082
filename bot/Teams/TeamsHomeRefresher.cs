using System.Net;
using ChatEscalation.Bot.Home;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Persistence.Workflows;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// Updates the Teams home card in place (<c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c>) when a ticket change
/// concerns its person (<see cref="HomeRefresher{TTarget}"/>: 2 s per person, one worker, a 429 waits Retry-After, other failures logged).
/// </summary>
/// <remarks>
/// Only the last home card each person asked for with the <c>home</c> command since the process started (<see cref="Sent"/>, told by
/// <see cref="TeamsSender"/> once the Connector gave the card its activity id); a newer <c>home</c> replaces it. In memory: after a
/// restart the person's next <c>home</c> starts it again. A card Teams no longer has (404) is forgotten.
/// </remarks>
public sealed class TeamsHomeRefresher(IServiceScopeFactory scopes, IPolicyProvider policies, TimeProvider time, ILogger<TeamsHomeRefresher> log)
    : HomeRefresher<TeamsHomeCardRef>(policies, time, log)
{
    /// <summary>The bot sent <paramref name="person"/> their home card at <paramref name="card"/>: it is shown up to date, so only later
    /// changes update it.</summary>
    public void Sent(UserRef person, TeamsHomeCardRef card) => Remember(person, card, refreshNow: false);

    /// <inheritdoc />
    protected override async Task RefreshAsync(UserRef person, TeamsHomeCardRef card, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var home = scope.ServiceProvider.GetRequiredService<TeamsHome>();
        var activity = Activity.CardMessage(await home.CardAsync(person, card.TeamsUserId, ct));
        activity.Id = card.ActivityId;
        await scope.ServiceProvider.GetRequiredService<ITeamsConnector>().UpdateActivityAsync(card.ServiceUrl, card.ConversationId, card.ActivityId, activity, ct);
    }

    /// <inheritdoc />
    protected override TimeSpan? RetryAfterOf(Exception failure) =>
        failure is TeamsThrottledException throttled ? throttled.RetryAfter ?? HomeRefresh.DefaultRetryAfter : null;

    /// <inheritdoc />
    protected override bool IsGone(Exception failure) => failure is TeamsConnectorException { Status: HttpStatusCode.NotFound };

    /// <inheritdoc />
    protected override string Describe(TeamsHomeCardRef card) => $"the Teams home card {card.ActivityId} in {card.ConversationId}";
}
