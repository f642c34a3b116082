namespace ChatEscalation.Bot.Conversations;

/// <summary>A parsed chat message: the intent, the ticket it names (if any) and the rest of the text.</summary>
/// <param name="DidYouMean">For an unknown first word that is a typo of a verb (<c>/tiket</c>): that verb.</param>
public sealed record ChatIntent(ChatIntentKind Kind, long? TicketNumber, string Text, string? DidYouMean = null);
