namespace ChatEscalation.Persistence.Knowledge;

/// <summary>Whether raises wait for the knowledge step (<c>Knowledge:AtIntake</c>, default true in the bot host).</summary>
/// <param name="AtIntake">
/// True: every raise holds its card until <see cref="KnowledgeIntake"/> has searched for suggestions and similar open tickets (at most
/// <see cref="Core.Engine.EscalationEngine.KnowledgeStepTimeout"/>); false: the card goes to the queue at once, with no suggestions.
/// </param>
public sealed record KnowledgeSettings(bool AtIntake);
