using ChatEscalation.Bot.Outbox;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Persistence.Storage;
using Microsoft.Extensions.Options;
using ChatEscalation.Bot.Slack.Protocol;

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
/// </list>
/// Errors: 429 → Retry after Retry-After; permanent Slack errors (<see cref="SlackErrors.IsPermanent"/>) → Failed (parked);
/// other Slack errors, 5xx and network failures → Retry.
/// </remarks>
public sealed class SlackSender(ISlackApi api, ChatDirectory directory, IOptionsMonitor<SlackChatOptions> options, TimeProvider time) : IChatSender
{
    public string Platform => SlackPeopleResolver.Platform;

    public async Task<DeliveryResult> DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            return delivery.Kind switch
            {
                NotificationKind.Card => await CardAsync(delivery, cancellationToken),
                NotificationKind.ThreadUpdate => await ThreadAsync(delivery, cancellationToken),
                NotificationKind.Direct => await DirectAsync(delivery, cancellationToken),
                _ => await AlertAsync(delivery, cancellationToken),
            };
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
            return new DeliveryResult.Retry($"Slack {e.Method}: {e.Error}");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult.Retry(e.Message);
        }
    }

    private string? BaseUrl => options.CurrentValue.PublicBaseUrl;

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
        var posted = await api.PostMessageAsync(d.ChannelId, text, blocks, null, ct);
        return new DeliveryResult.Sent(posted.Ts, new CardRef(posted.Channel, posted.Ts));
    }

    private async Task<DeliveryResult> ThreadAsync(Delivery d, CancellationToken ct)
    {
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        if (d.ExistingCard is { } card)
            return new DeliveryResult.Sent((await api.PostMessageAsync(card.ChannelId, d.Text, blocks, card.MessageId, ct)).Ts);
        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        return new DeliveryResult.Sent((await api.PostMessageAsync(d.ChannelId, d.Text, blocks, null, ct)).Ts);
    }

    private async Task<DeliveryResult> AlertAsync(Delivery d, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(d.ChannelId)) return new DeliveryResult.Skipped($"no Slack channel configured for {d.To}");
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        return new DeliveryResult.Sent((await api.PostMessageAsync(d.ChannelId, d.Text, blocks, null, ct)).Ts);
    }

    private async Task<DeliveryResult> DirectAsync(Delivery d, CancellationToken ct)
    {
        if (d.To.Person is not { } person) return new DeliveryResult.Skipped("no person");
        var userId = await UserIdAsync(person.Key, ct);
        if (userId is null) return new DeliveryResult.Skipped($"{person.Key} is not known on Slack");
        var channel = await api.OpenConversationAsync(userId, ct);
        var blocks = BlockKitRenderer.Message(d.Text, d.Card.Number, d.Actions, d.Urgent, BaseUrl);
        return new DeliveryResult.Sent((await api.PostMessageAsync(channel, d.Text, blocks, null, ct)).Ts);
    }

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
