using System.Net;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Teams.Cards;
using ChatEscalation.Bot.Teams.Protocol;
using ChatEscalation.Core.Forms;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ChatEscalation.Bot.Teams;

/// <summary>
/// The outbox's sender for Teams (<see cref="Platform"/> <c>teams</c>): renders each delivery as an Adaptive Card and calls the Connector.
/// </summary>
/// <remarks>
/// Card: first time <c>POST /v3/conversations</c> into the tier's Teams channel (<see cref="Delivery.ChannelId"/>), afterwards a PUT of
/// the same activity (<see cref="Delivery.ExistingCard"/>). ThreadUpdate: a reply in the card's thread (a new post when no card yet).
/// Direct: the person's stored 1:1 conversation, or a new one from their Teams user id (cached when they were met in a channel),
/// stored for next time; skipped when the person was never seen on Teams.
/// Alert: a new post in the manager or on-call channel, @mentioning the managers or the paged person (<see cref="TicketCopies.Addressed"/>;
/// a queue card mentions its owner and the paged person).
/// Reply: the answer to a person where they wrote (<see cref="TeamsRoute"/>): a text, a ticket card, the raise form or their home card
/// (whose activity id is told to <see cref="TeamsHomeRefresher"/>, which updates it in place on change); the card is the
/// reporter's copy for the reporter (their own buttons, kept up to date), without buttons for anybody else.
/// Per-viewer cards: the current tier's queue card carries <c>refresh.userIds</c> (at most 60) of its owner, the tier's leads and
/// members, the managers and the reporter, whoever the bot knows (from their messages or a team roster, <see cref="TeamsRoster"/>);
/// every other copy (an earlier tier's card, an answer card, a message) carries none, so no refresh brings buttons back to it.
/// Copies (<see cref="Delivery.EditCopy"/>): a PUT of the activity; one Teams no longer has (404) is Failed and forgotten.
/// Errors: 429, 412 and 503 (not taken) → Retry after Retry-After or backoff; other 4xx → Failed (parked); a network error before
/// the request left → Retry. Creating an activity (every POST but a 1:1 chat's creation) has no idempotency key in Bot Framework, so
/// when its outcome is unknown (a timeout, a 500/502/504, a dropped connection, or an earlier attempt that may have arrived) it is
/// <see cref="DeliveryResult.Unconfirmed"/>, never sent twice on its own; an update (PUT) is simply tried again. Pages still repeat
/// by the engine's re-page schedule until acknowledged.
/// The service URL and tenant come from the channel's stored reference (written when the bot saw the team),
/// else <see cref="TeamsOptions.TenantId"/> with the public-cloud service URL.
/// </remarks>
public sealed class TeamsSender(ITeamsConnector connector, ITeamsDirectory directory, IPolicyProvider policies, IOptions<TeamsOptions> options, TeamsHome? home = null,
    TeamsHomeRefresher? homes = null) : IChatSender
{
    /// <summary>Public-cloud service URL used for channels never seen inbound.</summary>
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/teams/";

    public string Platform => "teams";

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => GuardAsync(() => delivery switch
    {
        { Kind: NotificationKind.Card } => CardAsync(delivery, cancellationToken),
        { Kind: NotificationKind.ThreadUpdate } => ThreadAsync(delivery, cancellationToken),
        { EditCopy: { } copy } => EditAsync(copy, delivery, cancellationToken),
        { Kind: NotificationKind.Direct } => DirectAsync(delivery, cancellationToken),
        _ => AlertAsync(delivery, cancellationToken),
    });

    public Task<DeliveryResult> DeliverReplyAsync(ReplyDelivery reply, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var route = TeamsRoute.Parse(reply.Route);
        var policy = policies.Current;
        Activity answer;
        if (route.Home is { } teamsUser && home is not null && reply.To is { } person)
        {
            answer = Activity.CardMessage(await home.CardAsync(person, teamsUser, cancellationToken));
        }
        else if (route.RaiseForm is { } text)
        {
            answer = Activity.CardMessage(AdaptiveCardRenderer.RaiseCard(TicketForms.Raise(policy, text)));
            answer.Text = reply.Text;
        }
        else if (reply.AnswerCard is { } view)
        {
            answer = AnswerActivity(reply.Text, view);
        }
        else
        {
            answer = Activity.TextMessage(reply.Text);
        }

        var id = await CreateAsync(reply.Uncertain, () => route.ReplyToId is { } replyTo
            ? connector.ReplyToActivityAsync(route.ServiceUrl, route.ConversationId, replyTo, answer, cancellationToken)
            : connector.SendToConversationAsync(route.ServiceUrl, route.ConversationId, answer, cancellationToken));
        if (route.Home is { } homeUser && reply.To is { } reader && id is not null)
        {
            homes?.Sent(reader, new TeamsHomeCardRef(route.ServiceUrl, route.ConversationId, id, homeUser)); // updated in place on change
        }

        var copy = reply.IsReporterCopy && route.RaiseForm is null && route.Home is null && id is not null
            ? new CardRef(route.ConversationId, id, route.ConversationId, route.ServiceUrl)
            : null;
        return new DeliveryResult.Sent(id, copy);
    });

    /// <summary>An answer with a ticket's card: <paramref name="view"/>'s own buttons (the reporter's copy, or none) and no refresh.</summary>
    private Activity AnswerActivity(string text, TicketCardView view)
    {
        var cardOptions = new TeamsCardOptions(options.Value.PublicBaseUrl, Forms: TicketForms.ForAll(view.Actions, policies.Current, view.Tier));
        var answer = Activity.CardMessage(AdaptiveCardRenderer.TicketCard(view, view.Actions, cardOptions));
        answer.Text = text;
        return answer;
    }

    /// <summary>Maps the Connector's failures to what the outbox does next; see the remarks on unknown outcomes.</summary>
    private static async Task<DeliveryResult> GuardAsync(Func<Task<DeliveryResult>> send)
    {
        try
        {
            return await send();
        }
        catch (UnconfirmedCreateException e)
        {
            return new DeliveryResult.Unconfirmed(e.Message);
        }
        catch (TeamsThrottledException e)
        {
            return new DeliveryResult.Retry("Teams throttled (429)", e.RetryAfter) { Throttled = true };
        }
        catch (TeamsServiceUrlNotAllowedException e)
        {
            return new DeliveryResult.Failed(e.Message);
        }
        catch (TeamsConnectorException e) when (e.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable)
        {
            return new DeliveryResult.Retry($"Teams {(int)e.Status} {e.ErrorCode}: {e.Message}");
        }
        catch (TeamsConnectorException e) when ((int)e.Status is >= 400 and < 500)
        {
            return new DeliveryResult.Failed($"Teams {(int)e.Status} {e.ErrorCode}: {e.Message}");
        }
        catch (TeamsConnectorException e)
        {
            return new DeliveryResult.Retry($"Teams {(int)e.Status} {e.ErrorCode}: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult.Retry(e.Message);
        }
        catch (TimeoutRejectedException e)
        {
            return new DeliveryResult.Retry(e.Message);
        }
    }

    /// <summary>
    /// Creates an activity (posts a message): not when an earlier attempt may have done it, and an unknown outcome now is reported as
    /// such (<see cref="UnconfirmedCreateException"/>) rather than retried, since Bot Framework can neither be asked nor de-duplicate.
    /// </summary>
    private static async Task<T> CreateAsync<T>(bool uncertain, Func<Task<T>> create)
    {
        if (uncertain)
        {
            throw new UnconfirmedCreateException("An earlier attempt may have delivered it and Teams cannot be asked; not sent again on its own.");
        }

        try
        {
            return await create();
        }
        catch (Exception e) when (IsUnknownOutcome(e))
        {
            throw new UnconfirmedCreateException($"Teams may have it but did not say ({Describe(e)}); not sent again on its own.", e);
        }
    }

    /// <summary>A server error after the request was taken, a timeout, or a connection dropped after it was sent.</summary>
    private static bool IsUnknownOutcome(Exception e) => e switch
    {
        TeamsConnectorException c => (int)c.Status >= 500 && c.Status != HttpStatusCode.ServiceUnavailable, // 503: not taken
        HttpRequestException h => h.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError),
        TimeoutRejectedException => true,
        _ => false,
    };

    private static string Describe(Exception e) => e switch
    {
        TeamsConnectorException c => $"HTTP {(int)c.Status}",
        TimeoutRejectedException => "no answer in time",
        _ => e.Message,
    };

    private async Task<DeliveryResult> CardAsync(Delivery d, CancellationToken ct)
    {
        var current = d.To.Kind == AudienceKind.TierQueue && d.To.Tier == d.Ticket.Tier;
        var card = AdaptiveCardRenderer.TicketCard(d.Card, d.Card.Actions, await CardOptionsAsync(d, Addressed(d), withRefresh: current, ct));
        if (d.ExistingCard is { ServiceUrl: { } url } existing)
        {
            var activity = Activity.CardMessage(card);
            activity.Id = existing.MessageId;
            await connector.UpdateActivityAsync(url, existing.ConversationId ?? existing.ChannelId, existing.MessageId, activity, ct);
            return new DeliveryResult.Sent(existing.MessageId, existing);
        }

        return await PostToChannelAsync(d, card, ct);
    }

    private async Task<DeliveryResult> ThreadAsync(Delivery d, CancellationToken ct)
    {
        var card = AdaptiveCardRenderer.MessageCard(d.Text, d.Card, d.Actions, await CardOptionsAsync(d, [], withRefresh: false, ct));
        if (d.ExistingCard is { ServiceUrl: { } url } existing)
        {
            var activity = Activity.CardMessage(card);
            activity.Text = d.Text;
            var id = await CreateAsync(d.Uncertain, () => connector.ReplyToActivityAsync(url, existing.ConversationId ?? existing.ChannelId, existing.MessageId, activity, ct));
            return new DeliveryResult.Sent(id);
        }

        var posted = await PostToChannelAsync(d, card, ct);
        return posted is DeliveryResult.Sent sent ? new DeliveryResult.Sent(sent.MessageId) : posted;
    }

    private async Task<DeliveryResult> AlertAsync(Delivery d, CancellationToken ct)
    {
        var card = AdaptiveCardRenderer.MessageCard(d.Text, d.Card, d.Actions, await CardOptionsAsync(d, Addressed(d), withRefresh: false, ct));
        var posted = await PostToChannelAsync(d, card, ct);
        return posted is DeliveryResult.Sent sent ? new DeliveryResult.Sent(sent.MessageId, d.Actions.Count > 0 ? sent.Card : null) : posted;
    }

    /// <summary>Brings a copy posted before up to date with a PUT: the reporter's answer card, or a message's buttons.</summary>
    private async Task<DeliveryResult> EditAsync(CardRef copy, Delivery d, CancellationToken ct)
    {
        if (copy.ServiceUrl is not { } url) return new DeliveryResult.Failed("the copy has no service URL to edit it through");
        Activity activity;
        if (d.Kind == NotificationKind.Reply)
        {
            activity = AnswerActivity(d.Text, d.Card);
        }
        else
        {
            activity = Activity.CardMessage(AdaptiveCardRenderer.MessageCard(d.Text, d.Card, d.Actions, await CardOptionsAsync(d, Addressed(d), withRefresh: false, ct)));
            if (d.Kind == NotificationKind.Direct) activity.Text = d.Text;
        }

        activity.Id = copy.MessageId;
        await connector.UpdateActivityAsync(url, copy.ConversationId ?? copy.ChannelId, copy.MessageId, activity, ct);
        return new DeliveryResult.Sent(copy.MessageId, copy);
    }

    /// <summary>Whom the delivery addresses by name: @mentioned on the card (<see cref="TicketCopies.Addressed"/>).</summary>
    private IReadOnlyList<UserRef> Addressed(Delivery d) => TicketCopies.Addressed(d.Ticket, d.To, d.Kind, policies.Current);

    private async Task<DeliveryResult> DirectAsync(Delivery d, CancellationToken ct)
    {
        if (d.To.Person is not { } person) return new DeliveryResult.Skipped("no person");
        var key = person.Key.ToLowerInvariant();
        var reference = await directory.FindConversationAsync(key, ct) ?? await NewPersonalChatAsync(key, ct);
        if (reference is null) return new DeliveryResult.Skipped($"{person.Key} is not known on Teams");
        var conversationId = reference.ConversationId;
        if (!conversationId.StartsWith("a:", StringComparison.Ordinal) && reference is { UserId: { } userId, BotId: { } botId, TenantId: { } tenant })
        {
            conversationId = await connector.CreatePersonalConversationAsync(reference.ServiceUrl, tenant, botId, userId, ct);
        }

        var card = AdaptiveCardRenderer.MessageCard(d.Text, d.Card, d.Actions, await CardOptionsAsync(d, [], withRefresh: false, ct));
        var activity = Activity.CardMessage(card);
        activity.Text = d.Text;
        var id = await CreateAsync(d.Uncertain, () => connector.SendToConversationAsync(reference.ServiceUrl, conversationId, activity, ct));
        return new DeliveryResult.Sent(id, d.Actions.Count > 0 && id is not null ? new CardRef(conversationId, id, conversationId, reference.ServiceUrl) : null);
    }

    /// <summary>
    /// A 1:1 chat with someone the bot has met only in a channel (their Teams user id is cached from the member lookup): created with
    /// <c>POST /v3/conversations</c> (allowed because the app is installed in a team they belong to) and stored for next time.
    /// The service URL, tenant and bot id are those of any policy channel the bot has seen; null when there is none or the person is unknown.
    /// </summary>
    private async Task<ConversationReference?> NewPersonalChatAsync(string key, CancellationToken ct)
    {
        if (await directory.FindUserByEmailAsync(key, ct) is not { UserId.Length: > 0 } user) return null;
        var policy = policies.Current;
        ConversationReference? seen = null;
        foreach (var channel in policy.Tiers.Select(t => t.Channel.Teams).Append(policy.ManagerChannel.Teams).Append(policy.OnCallChannel.Teams).OfType<string>())
        {
            if ((seen = await directory.FindConversationAsync(channel, ct)) is not null) break;
        }

        var tenant = seen?.TenantId ?? options.Value.TenantId;
        var botId = seen?.BotId ?? (options.Value.AppId is { Length: > 0 } app ? "28:" + app : null);
        if (tenant is null || botId is null) return null;
        var serviceUrl = seen?.ServiceUrl ?? DefaultServiceUrl;
        var conversationId = await connector.CreatePersonalConversationAsync(serviceUrl, tenant, botId, user.UserId, ct);
        var reference = new ConversationReference(serviceUrl, conversationId, tenant, botId, user.UserId, user.AadObjectId, "msteams", null);
        await directory.SaveConversationAsync(key, reference, ct);
        return reference;
    }

    private async Task<DeliveryResult> PostToChannelAsync(Delivery d, System.Text.Json.Nodes.JsonObject card, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Teams channel configured for {d.To}");
        var reference = await directory.FindConversationAsync(d.ChannelId, ct);
        var serviceUrl = reference?.ServiceUrl ?? DefaultServiceUrl;
        var tenant = reference?.TenantId ?? options.Value.TenantId;
        if (tenant is null) return new DeliveryResult.Failed($"Teams channel {d.ChannelId} was never seen and Teams:TenantId is not set");
        var created = await CreateAsync(d.Uncertain, () => connector.CreateChannelConversationAsync(serviceUrl, tenant, d.ChannelId, Activity.CardMessage(card), ct));
        var messageId = created.ActivityId ?? created.ConversationId;
        return new DeliveryResult.Sent(messageId, new CardRef(d.ChannelId, messageId, created.ConversationId, serviceUrl));
    }

    /// <summary>
    /// The card's mentions (<paramref name="mentioned"/> and the owner) and, <paramref name="withRefresh"/>, its <c>refresh.userIds</c>: the
    /// owner, the tier's leads and members, the managers and the reporter, in that order, as far as the bot knows their Teams ids (people
    /// from a roster included), at most <see cref="AdaptiveCardRenderer.MaxRefreshUserIds"/>.
    /// </summary>
    private async Task<TeamsCardOptions> CardOptionsAsync(Delivery d, IReadOnlyList<UserRef> mentioned, bool withRefresh, CancellationToken ct)
    {
        var policy = policies.Current;
        var keys = mentioned.Select(p => p.Key).ToList();
        if (d.Card.Owner is { } owner) keys.Add(owner.Key);
        var refreshKeys = new List<string>();
        if (withRefresh)
        {
            if (d.Card.Owner is { } current) refreshKeys.Add(current.Key);
            if (policy.Tiers.FirstOrDefault(t => t.Level == d.Card.Tier) is { } tier) refreshKeys.AddRange(tier.Leads.Order(StringComparer.Ordinal).Concat(tier.Members.Order(StringComparer.Ordinal)));
            refreshKeys.AddRange(policy.Managers.Order(StringComparer.Ordinal));
            refreshKeys.Add(d.Card.Reporter.Key);
        }

        var userIds = await TeamsIdsAsync(keys.Concat(refreshKeys).Distinct(StringComparer.OrdinalIgnoreCase).ToList(), ct);
        var refresh = refreshKeys.Distinct(StringComparer.OrdinalIgnoreCase).Select(k => userIds.GetValueOrDefault(k)).OfType<string>()
            .Distinct(StringComparer.Ordinal).Take(AdaptiveCardRenderer.MaxRefreshUserIds).ToList();
        return new TeamsCardOptions(
            options.Value.PublicBaseUrl,
            p => userIds.TryGetValue(p.Key, out var id) ? new TeamsMention(id, p.Name) : null,
            mentioned,
            withRefresh ? refresh : null,
            TicketForms.ForAll(d.Actions.Union(d.Card.Actions), policy, d.Card.Tier));
    }

    /// <summary>The Teams user ids (<c>29:…</c>) of the people known by these keys: from the cache of people (rosters, lookups), else their 1:1 chat.</summary>
    private async Task<Dictionary<string, string>> TeamsIdsAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (keys.Count == 0) return ids;
        foreach (var (email, person) in await directory.FindUsersByEmailAsync(keys.Where(k => k.Contains('@', StringComparison.Ordinal)), ct))
        {
            if (person.UserId.Length > 0) ids[email] = person.UserId;
        }

        foreach (var key in keys.Where(k => !ids.ContainsKey(k)))
        {
            if (await directory.FindConversationAsync(key.ToLowerInvariant(), ct) is { UserId: { } id }) ids[key] = id;
        }

        return ids;
    }
}
