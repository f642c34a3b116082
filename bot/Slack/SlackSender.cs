using System.Globalization;
using System.Net.Http;
using System.Text.Json.Nodes;
using ChatEscalation.Bot.Outbox;
using ChatEscalation.Bot.Slack.Protocol;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Persistence.Storage;
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
/// <item>Reply: the answer to a person where they wrote (<see cref="SlackRoute"/>): a thread, a DM, or an ephemeral message.</item>
/// </list>
/// Every post carries message metadata naming its outbox message (<see cref="MetadataType"/>). A post whose earlier attempt may have
/// reached Slack (a timeout, a server error, a dispatcher stopped mid-send) is first looked for in the conversation's history and not
/// posted again when found; so a message is posted once even when Slack was slow to answer. Errors: 429 → Retry after Retry-After;
/// permanent Slack errors (<see cref="SlackErrors.IsPermanent"/>) → Failed (parked); other errors → Retry.
/// </remarks>
public sealed class SlackSender(ISlackApi api, ChatDirectory directory, IOptionsMonitor<SlackChatOptions> options, TimeProvider time, ILogger<SlackSender> log)
    : IChatSender
{
    /// <summary>The <c>event_type</c> of the metadata on every post; its payload's <c>outbox_id</c> is the outbox message id.</summary>
    public const string MetadataType = "chatescalation_outbox";

    /// <summary>How far before an uncertain message was written its history search starts (clock skew between Slack and the bot).</summary>
    public static readonly TimeSpan HistorySlack = TimeSpan.FromMinutes(2);

    public string Platform => SlackPeopleResolver.Platform;

    public Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken) => GuardAsync(() => delivery.Kind switch
    {
        NotificationKind.Card => CardAsync(delivery, cancellationToken),
        NotificationKind.ThreadUpdate => ThreadAsync(delivery, cancellationToken),
        NotificationKind.Direct => DirectAsync(delivery, cancellationToken),
        _ => AlertAsync(delivery, cancellationToken),
    });

    public Task<DeliveryResult> DeliverReplyAsync(ReplyDelivery reply, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var route = SlackRoute.Parse(reply.Route);
        var text = SlackText.Cut(reply.Text, 3000);
        var blocks = route.SuggestRaise is { } title && reply.Card is null
            ? BlockKitRenderer.SuggestRaise(reply.Text, title)
            : BlockKitRenderer.Reply(reply.Text, reply.Card);
        if (route.EphemeralUser is { } user)
        {
            // Ephemeral messages are in no history; sending one twice after an unknown outcome is the lesser harm.
            await api.PostEphemeralAsync(route.Channel, user, text, blocks, cancellationToken);
            return new DeliveryResult.Sent(null);
        }

        var channel = IsUserId(route.Channel) ? await api.OpenConversationAsync(route.Channel, cancellationToken) : route.Channel;
        return new DeliveryResult.Sent(await PostOnceAsync(reply.MessageId, reply.Uncertain, reply.CreatedAt, channel, text, blocks, route.ThreadTs, cancellationToken));
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
            return new DeliveryResult.Retry($"Slack {e.Method} rate limited (429)", e.RetryAfter);
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
        var blocks = BlockKitRenderer.TicketCard(d.Card, d.Card.Actions, BaseUrl);
        var text = BlockKitRenderer.FallbackText(d.Card);
        if (d.ExistingCard is { } existing)
        {
            try
            {
                await api.UpdateMessageAsync(existing.ChannelId, existing.MessageId, text, blocks, ct);
                return new DeliveryResult.Sent(existing.MessageId, existing);
            }
            catch (SlackApiException e) when (e.Error is "message_not_found" or "cant_update_message")
            {
                // The card was deleted in Slack: post a fresh one below and remember it instead.
            }
        }

        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        var ts = await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, d.ChannelId, text, blocks, null, ct);
        return new DeliveryResult.Sent(ts, new CardRef(d.ChannelId, ts));
    }

    private async Task<DeliveryResult> ThreadAsync(Delivery d, CancellationToken ct)
    {
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        if (d.ExistingCard is { } card)
            return new DeliveryResult.Sent(await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, card.ChannelId, d.Text, blocks, card.MessageId, ct));
        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        return new DeliveryResult.Sent(await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, d.ChannelId, d.Text, blocks, null, ct));
    }

    private async Task<DeliveryResult> AlertAsync(Delivery d, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        return new DeliveryResult.Sent(await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, d.ChannelId, d.Text, blocks, null, ct));
    }

    private async Task<DeliveryResult> DirectAsync(Delivery d, CancellationToken ct)
    {
        if (d.To.Person is not { } person) return new DeliveryResult.Skipped("no person");
        var userId = await UserIdAsync(person.Key, ct);
        if (userId is null) return new DeliveryResult.Skipped($"{person.Key} is not known on Slack");
        var channel = await api.OpenConversationAsync(userId, ct);
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        return new DeliveryResult.Sent(await PostOnceAsync(d.MessageId, d.Uncertain, d.CreatedAt, channel, d.Text, blocks, null, ct));
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
