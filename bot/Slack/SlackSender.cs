using System.Globalization;
using System.Net.Http;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;
using ChatEscalation.Core.Views;
using ChatEscalation.Persistence.Storage;
using ChatEscalation.Persistence.Workflows;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace ChatEscalation.Bot.Slack;

/// <summary>The outbox's sender for Slack (<see cref="Platform"/> <c>slack</c>): renders each delivery as Block Kit and calls the Web API.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Card: <c>chat.postMessage</c> to the tier's channel the first time, <c>chat.update</c> of the same message afterwards (one card
/// per ticket per channel); a card deleted in Slack (<c>message_not_found</c>, <c>cant_update_message</c>) is posted afresh.</item>
/// <item>ThreadUpdate: a reply in the card's thread (<c>thread_ts</c>); a plain post in the channel when there is no card yet.</item>
/// <item>Direct: a DM (<c>conversations.open</c> + <c>chat.postMessage</c>) to the person: <c>slack:&lt;id&gt;</c> keys are used as is;
/// e-mail keys through the cached Slack user with that e-mail, else <c>users.lookupByEmail</c>; unknown people are skipped.</item>
/// <item>Alert: a post with buttons in the manager or on-call channel.</item>
/// <item>Reply: the answer to a person where they wrote (<see cref="SlackRoute"/>): a thread, a DM, or an ephemeral message. A ticket's
/// card in it is the reporter's copy for the reporter (their own buttons, kept up to date), without buttons for anybody else and in
/// ephemeral answers (which cannot be edited).</item>
/// <item>Mentions: a card mentions its owner and the paged person, and the tier's user group (<c>&lt;!subteam^S…&gt;</c>) while nobody owns
/// it; a manager alert the managers; an on-call alert the paged person (<see cref="TicketCopies.Addressed"/>), as <c>&lt;@U…&gt;</c> in the
/// blocks and in the notification text, the Slack id found like a DM's.</item>
/// <item>Copies (<see cref="Delivery.EditCopy"/>): <c>chat.update</c> of the copy; one Slack no longer has is Failed (and forgotten), never
/// posted again.</item>
/// </list>
/// Every post carries message metadata naming its outbox message (<see cref="MetadataType"/>). A post whose earlier attempt may have
/// reached Slack (a timeout, a server error, a dispatcher stopped mid-send) is first looked for in the conversation's history and not
/// posted again when found; so a message is posted once even when Slack was slow to answer. Errors: 429 → Retry after Retry-After;
/// permanent Slack errors (<see cref="SlackErrors.IsPermanent"/>) → Failed (parked); other errors → Retry.
/// </remarks>
public sealed class SlackSender(ISlackApi api, ChatDirectory directory, IPolicyProvider policies, IOptionsMonitor<SlackChatOptions> options, TimeProvider time,
    ILogger<SlackSender> log) : IChatSender
{
    /// <summary>The <c>event_type</c> of the metadata on every post; its payload's <c>outbox_id</c> is the outbox message id.</summary>
    public const string MetadataType = "chatescalation_outbox";

    /// <summary>How far before an uncertain message was written its history search starts (clock skew between Slack and the bot).</summary>
    public static readonly TimeSpan HistorySlack = TimeSpan.FromMinutes(2);

    public string Platform => SlackPeopleResolver.Platform;

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
        var route = SlackRoute.Parse(reply.Route);
        var text = SlackText.Cut(SlackText.Escape(reply.Text), 3000);
        if (route.EphemeralUser is { } user)
        {
            // Ephemeral messages are in no history (nor editable: their card has no buttons); sending one twice after an unknown
            // outcome is the lesser harm.
            await api.PostEphemeralAsync(route.Channel, user, text, BlockKitRenderer.Reply(reply.Text, reply.Card), cancellationToken);
            return new DeliveryResult.Sent(null);
        }

        var blocks = route.SuggestRaise is { } title && reply.Card is null
            ? BlockKitRenderer.SuggestRaise(reply.Text, title)
            : BlockKitRenderer.Answer(reply.Text, reply.AnswerCard);
        var channel = IsUserId(route.Channel) ? await api.OpenConversationAsync(route.Channel, cancellationToken) : route.Channel;
        var ts = await PostOnceAsync(reply.MessageId, reply.Uncertain, reply.CreatedAt, channel, text, blocks, route.ThreadTs, cancellationToken);
        return new DeliveryResult.Sent(ts, reply.IsReporterCopy ? new CardRef(channel, ts) : null);
    });

    private string? BaseUrl => options.CurrentValue.PublicBaseUrl;

    /// <summary>Maps the Web API's failures to what the outbox does next.</summary>
    private static async Task<DeliveryResult> GuardAsync(Func<Task<DeliveryResult>> send)
    {
        try
        {
            return await send();
        }
        catch (SlackRateLimitedException e)
        {
            return new DeliveryResult.Retry($"Slack {e.Method} rate limited (429)", e.RetryAfter) { Throttled = true };
        }
        catch (SlackApiException e) when (SlackErrors.IsPermanent(e.Error))
        {
            return new DeliveryResult.Failed($"Slack {e.Method}: {e.Error}");
        }
        catch (SlackApiException e)
        {
            // An HTTP 5xx may come after Slack did the work; an ok:false answer means it did not.
            return new DeliveryResult.Retry($"Slack {e.Method}: {e.Error}", Uncertain: e.Error.StartsWith("http_5", StringComparison.Ordinal));
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult.Retry(e.Message, Uncertain: !NeverSent(e));
        }
        catch (TimeoutRejectedException e)
        {
            return new DeliveryResult.Retry($"Slack did not answer in time: {e.Message}", Uncertain: true);
        }
    }

    /// <summary>True when the request cannot have reached Slack (no connection was made).</summary>
    private static bool NeverSent(HttpRequestException e) => e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    /// <summary>
    /// Posts unless an earlier attempt of outbox message <paramref name="outboxId"/> already did (looked for in the history when
    /// <paramref name="uncertain"/>); returns the message's ts.
    /// </summary>
    private async Task<string> PostOnceAsync(long outboxId, bool uncertain, DateTimeOffset createdAt, string channel, string text, JsonNode blocks, string? threadTs, CancellationToken ct)
    {
        var id = outboxId.ToString(CultureInfo.InvariantCulture);
        if (uncertain && await FindPostedAsync(id, createdAt, channel, threadTs, ct) is { } ts) return ts;
        var metadata = new SlackMessageMetadata(MetadataType, new Dictionary<string, string> { ["outbox_id"] = id });
        return (await api.PostMessageAsync(channel, text, blocks, threadTs, metadata, ct)).Ts;
    }

    private async Task<string?> FindPostedAsync(string outboxId, DateTimeOffset createdAt, string channel, string? threadTs, CancellationToken ct)
    {
        try
        {
            var history = await api.HistoryAsync(channel, threadTs, createdAt - HistorySlack, 200, ct);
            var found = history.FirstOrDefault(m => m.Metadata is { EventType: MetadataType } meta && meta.Payload.GetValueOrDefault("outbox_id") == outboxId);
            if (found is not null) log.LogInformation("Outbox message {Id} was posted by an earlier attempt ({Channel} {Ts}); not posting it again", outboxId, channel, found.Ts);
            return found?.Ts;
        }
        catch (SlackApiException e) when (SlackErrors.IsPermanent(e.Error))
        {
            // No history scope or no access: the post is sent again (at least once rather than not at all).
            log.LogWarning("Could not look for outbox message {Id} in {Channel} ({Error}); posting it again", outboxId, channel, e.Error);
            return null;
        }
    }

    private async Task<DeliveryResult> CardAsync(Delivery d, CancellationToken ct)
    {
        var mentions = await MentionsAsync(d, ct);
        var blocks = BlockKitRenderer.TicketCard(d.Card, d.Card.Actions, BaseUrl, mentions);
        var text = BlockKitRenderer.FallbackText(d.Card, mentions);
        if (d.ExistingCard is { } existing)
        {
            try
            {
                await api.UpdateMessageAsync(existing.ChannelId, existing.MessageId, text, blocks, ct);
                return new DeliveryResult.Sent(existing.MessageId, existing);
            }
            catch (SlackApiException e) when (IsGone(e) && d.EditCopy is null)
            {
                // The card was deleted in Slack: post a fresh one below and remember it instead.
            }
            catch (SlackApiException e) when (IsGone(e))
            {
                return new DeliveryResult.Failed($"Slack no longer has the copy ({e.Error})");
            }
        }

        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        var ts = await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, d.ChannelId, text, blocks, null, ct);
        return new DeliveryResult.Sent(ts, new CardRef(d.ChannelId, ts));
    }

    private async Task<DeliveryResult> ThreadAsync(Delivery d, CancellationToken ct)
    {
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        var text = BlockKitRenderer.Notifying(d.Text);
        if (d.ExistingCard is { } card)
            return new DeliveryResult.Sent(await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, card.ChannelId, text, blocks, card.MessageId, ct));
        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        return new DeliveryResult.Sent(await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, d.ChannelId, text, blocks, null, ct));
    }

    private async Task<DeliveryResult> AlertAsync(Delivery d, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        var mentions = await MentionsAsync(d, ct);
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl, mentions);
        var ts = await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, d.ChannelId, BlockKitRenderer.Notifying(d.Text, mentions), blocks, null, ct);
        return new DeliveryResult.Sent(ts, d.Actions.Count > 0 ? new CardRef(d.ChannelId, ts) : null);
    }

    private async Task<DeliveryResult> DirectAsync(Delivery d, CancellationToken ct)
    {
        if (d.To.Person is not { } person) return new DeliveryResult.Skipped("no person");
        var userId = await UserIdAsync(person.Key, ct);
        if (userId is null) return new DeliveryResult.Skipped($"{person.Key} is not known on Slack");
        var channel = await api.OpenConversationAsync(userId, ct);
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        var ts = await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, channel, BlockKitRenderer.Notifying(d.Text), blocks, null, ct);
        return new DeliveryResult.Sent(ts, d.Actions.Count > 0 ? new CardRef(channel, ts) : null);
    }

    /// <summary>Brings a copy posted before up to date: the reporter's answer card, or a message's buttons.</summary>
    private async Task<DeliveryResult> EditAsync(CardRef copy, Delivery d, CancellationToken ct)
    {
        var (text, blocks) = d.Kind == NotificationKind.Reply
            ? (SlackText.Cut(SlackText.Escape(d.Text), 3000), BlockKitRenderer.Answer(d.Text, d.Card))
            : await MessageAsync(d, ct);
        try
        {
            await api.UpdateMessageAsync(copy.ChannelId, copy.MessageId, text, blocks, ct);
            return new DeliveryResult.Sent(copy.MessageId, copy);
        }
        catch (SlackApiException e) when (IsGone(e))
        {
            return new DeliveryResult.Failed($"Slack no longer has the copy ({e.Error})");
        }

        async Task<(string, JsonNode)> MessageAsync(Delivery message, CancellationToken token)
        {
            var mentions = await MentionsAsync(message, token);
            return (BlockKitRenderer.Notifying(message.Text, mentions), BlockKitRenderer.Message(message.Text, message.Card.Number, message.Actions, message.Urgent, BaseUrl, mentions));
        }
    }

    private static bool IsGone(SlackApiException e) => e.Error is "message_not_found" or "cant_update_message" or "channel_not_found";

    /// <summary>
    /// Whom <paramref name="d"/> addresses (<see cref="TicketCopies.Addressed"/>), with their Slack ids where known, and the tier's user
    /// group on its card while nobody owns the ticket.
    /// </summary>
    private async Task<SlackMentions> MentionsAsync(Delivery d, CancellationToken ct)
    {
        var policy = policies.Current;
        var people = new List<(UserRef, string?)>();
        foreach (var person in TicketCopies.Addressed(d.Ticket, d.To, d.Kind == NotificationKind.Reply ? NotificationKind.Card : d.Kind, policy))
        {
            people.Add((person, await MentionIdAsync(person.Key, ct)));
        }

        var group = d is { Kind: NotificationKind.Card, To.Kind: AudienceKind.TierQueue } && TicketCopies.AddressesQueue(d.Ticket, d.To.Tier)
            ? policy.Tiers.FirstOrDefault(t => t.Level == d.To.Tier)?.Channel.SlackUserGroup
            : null;
        return people.Count == 0 && group is null ? SlackMentions.None : new SlackMentions(people, group);
    }

    /// <summary>A person's Slack id for a mention; null when Slack does not know them or will not say (the name is written instead).</summary>
    private async Task<string?> MentionIdAsync(string key, CancellationToken ct)
    {
        try
        {
            return await UserIdAsync(key, ct) is { } id && SlackMentions.IsUserId(id) ? id : null;
        }
        catch (SlackApiException e) when (e is not SlackRateLimitedException)
        {
            log.LogInformation("No Slack id for {Person} to mention ({Error}); writing the name", key, e.Error);
            return null;
        }
    }

    private static bool IsUserId(string id) => id.Length > 1 && id[0] is 'U' or 'W';

    private async Task<string?> UserIdAsync(string key, CancellationToken ct)
    {
        if (key.StartsWith(SlackPeopleResolver.KeyPrefix, StringComparison.OrdinalIgnoreCase)) return key[SlackPeopleResolver.KeyPrefix.Length..];
        if (!key.Contains('@', StringComparison.Ordinal)) return null;
        var cached = await directory.FindUserByEmailAsync(SlackPeopleResolver.Platform, key, ct);
        if (cached is not null) return cached.PlatformUserId;
        if (await api.LookupUserByEmailAsync(key, ct) is not { } found) return null;
        // Remembered like a users.info answer, so the next message (a re-page every few minutes) needs no lookup.
        await directory.UpsertUserAsync(new Persistence.Rows.PlatformUser
        {
            Platform = SlackPeopleResolver.Platform, PlatformUserId = found.Id, Email = key.ToLowerInvariant(), Name = found.RealName, UpdatedAt = time.GetUtcNow(),
        }, ct);
        return found.Id;
    }
}
