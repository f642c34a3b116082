namespace ChatEscalation.Bot.Teams;

/// <summary>Posting a Teams message ended without knowing whether Teams has it (see <see cref="TeamsSender"/>).</summary>
public sealed class UnconfirmedCreateException(string message, Exception? inner = null) : Exception(message, inner);
