using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>What a Slack callback needs, injected into the route handler (<c>[AsParameters]</c>) rather than looked up at request time.</summary>
public sealed record SlackRequestServices(
    IOptionsMonitor<SlackOptions> Options,
    SlackSignatureVerifier Verifier,
    ISlackInbound Inbound,
    ILoggerFactory Loggers);
