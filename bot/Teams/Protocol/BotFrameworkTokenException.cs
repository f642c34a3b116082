namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>The token endpoint refused or failed a client-credentials request.</summary>
public sealed class BotFrameworkTokenException(string message, Exception? inner = null) : Exception(message, inner);
