namespace ChatEscalation.Bot.Conversations;

/// <summary>A parsed chat message: the intent, the ticket it names (if any) and the rest of the text.</summary>
public sealed record ChatIntent(ChatIntentKind Kind, long? TicketNumber, string Text);
