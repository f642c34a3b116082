using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// The socket-free half of Socket Mode: classifies Slack's frames and turns an envelope into a call on
/// <see cref="ISlackInbound"/> (resolved from a fresh DI scope) plus the ack text to send back.
/// </summary>
/// <remarks>
/// Ack rules: <c>{"envelope_id":…}</c>, plus <c>"payload"</c> when the reply has a body and Slack set
/// <c>accepts_response_payload</c>. A payload that cannot be parsed is still acked (a redelivery would not parse
/// either). When the inbound handler throws, no ack is sent, so Slack redelivers, as an HTTP 500 would cause.
/// </remarks>
public sealed class SlackSocketModeDispatcher(IServiceScopeFactory scopes, ILogger<SlackSocketModeDispatcher> logger)
{
    /// <summary>Classifies one text frame. Never throws.</summary>
    public static SlackSocketMessage Classify(string frame)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(frame);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new SlackSocketMessage(SlackSocketMessageKind.Unknown, null);
        }

        if (root.ValueKind != JsonValueKind.Object) return new SlackSocketMessage(SlackSocketMessageKind.Unknown, null);
        var type = Read(root, "type");
        if (type == "hello") return new SlackSocketMessage(SlackSocketMessageKind.Hello, type);
        if (type == "disconnect") return new SlackSocketMessage(SlackSocketMessageKind.Disconnect, type, DisconnectReason: Read(root, "reason"));

        var envelopeId = Read(root, "envelope_id");
        if (string.IsNullOrEmpty(envelopeId)) return new SlackSocketMessage(SlackSocketMessageKind.Unknown, type);
        return new SlackSocketMessage(
            SlackSocketMessageKind.Envelope,
            type,
            envelopeId,
            root.TryGetProperty("payload", out var payload) ? payload : default,
            root.TryGetProperty("accepts_response_payload", out var accepts) && accepts.ValueKind == JsonValueKind.True,
            root.TryGetProperty("retry_attempt", out var retry) && retry.TryGetInt32(out var n) ? n : 0,
            Read(root, "retry_reason"));
    }

    /// <summary>Dispatches an envelope; returns the ack text, or null when no ack must be sent.</summary>
    public async Task<string?> DispatchAsync(SlackSocketMessage envelope, CancellationToken ct)
    {
        if (envelope.Kind != SlackSocketMessageKind.Envelope || envelope.EnvelopeId is null)
        {
            throw new ArgumentException("Only envelopes can be dispatched.", nameof(envelope));
        }

        SlackReply reply;
        try
        {
            reply = await InvokeAsync(envelope, ct).ConfigureAwait(false);
        }
        catch (SlackPayloadException ex)
        {
            logger.LogWarning("Acknowledged unreadable Socket Mode {Type} envelope {EnvelopeId}: {Reason}", envelope.Type, envelope.EnvelopeId, ex.Message);
            reply = SlackReply.Empty;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Slack inbound handler failed on {Type} envelope {EnvelopeId}; not acknowledged, Slack will redeliver", envelope.Type, envelope.EnvelopeId);
            return null;
        }

        var ack = new JsonObject { ["envelope_id"] = envelope.EnvelopeId };
        if (envelope.AcceptsResponsePayload && reply.ToSocketPayload() is { } payload) ack["payload"] = payload;
        return ack.ToJsonString(SlackJson.Options);
    }

    private async Task<SlackReply> InvokeAsync(SlackSocketMessage envelope, CancellationToken ct)
    {
        var payload = envelope.Payload;
        switch (envelope.Type)
        {
            case "events_api":
                if (payload.ValueKind != JsonValueKind.Object) throw new SlackPayloadException("events_api envelope has no payload object.");
                if (SlackPayloadParser.TypeOf(payload) != "event_callback")
                {
                    logger.LogInformation("Acknowledged Socket Mode event envelope of type {Type} without handling it", SlackPayloadParser.TypeOf(payload));
                    return SlackReply.Empty;
                }

                var callback = SlackPayloadParser.ReadEventCallback(payload, envelope.RetryAttempt, envelope.RetryReason);
                return await WithInbound("events", (i, c) => i.OnEventAsync(callback, c), ct).ConfigureAwait(false);
            case "interactive":
                var interaction = SlackPayloadParser.ReadInteraction(payload);
                return await WithInbound("interactions", (i, c) => i.OnInteractionAsync(interaction, c), ct).ConfigureAwait(false);
            case "slash_commands":
                var command = SlackPayloadParser.ReadCommand(SlackPayloadParser.FieldsFromJson(payload));
                return await WithInbound("commands", (i, c) => i.OnCommandAsync(command, c), ct).ConfigureAwait(false);
            default:
                logger.LogInformation("Acknowledged Socket Mode envelope of type {Type} without handling it", envelope.Type);
                return SlackReply.Empty;
        }
    }

    private async Task<SlackReply> WithInbound(string kind, Func<ISlackInbound, CancellationToken, Task<SlackReply>> call, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        using var webhook = Telemetry.WebhookTelemetry.Start("slack", "socket " + kind, services.GetService<Persistence.Telemetry.EscalationMetrics>(), services.GetService<TimeProvider>() ?? TimeProvider.System);
        return await call(services.GetRequiredService<ISlackInbound>(), ct).ConfigureAwait(false);
    }

    private static string? Read(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
