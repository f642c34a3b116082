using System.Text.Json;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>One Socket Mode frame from Slack, classified by <see cref="SlackSocketModeDispatcher.Classify"/>.</summary>
/// <param name="Kind">What the frame is.</param>
/// <param name="Type">The frame's <c>type</c> (<c>hello</c>, <c>disconnect</c>, <c>events_api</c>, <c>interactive</c>, <c>slash_commands</c> …).</param>
/// <param name="EnvelopeId">The id to echo in the ack (envelopes only).</param>
/// <param name="Payload">The same payload an HTTP callback would carry (envelopes only).</param>
/// <param name="AcceptsResponsePayload">True when the ack may carry a <c>payload</c> (commands, modal submissions).</param>
/// <param name="RetryAttempt">Slack's <c>retry_attempt</c>; 0 for a first delivery.</param>
/// <param name="RetryReason">Slack's <c>retry_reason</c>, when retried.</param>
/// <param name="DisconnectReason"><c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c> (disconnect only).</param>
public sealed record SlackSocketMessage(
    SlackSocketMessageKind Kind,
    string? Type,
    string? EnvelopeId = null,
    JsonElement Payload = default,
    bool AcceptsResponsePayload = false,
    int RetryAttempt = 0,
    string? RetryReason = null,
    string? DisconnectReason = null);
