using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>What <c>POST /api/messages</c> needs, injected into the route handler (<c>[AsParameters]</c>) rather than looked up at request time.</summary>
public sealed record TeamsRequestServices(
    IOptionsMonitor<TeamsOptions> Options,
    BotFrameworkTokenValidator Validator,
    ITeamsActivityHandler Handler,
    ILoggerFactory Loggers);
