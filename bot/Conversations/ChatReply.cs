using ChatEscalation.Core.Views;

namespace ChatEscalation.Bot.Conversations;

/// <summary>What the bot answers a chat message with, for any platform to render.</summary>
/// <param name="Text">Plain text (renderers escape it).</param>
/// <param name="Card">The ticket the answer is about (a raised ticket, a status), to show as a card.</param>
/// <param name="Tickets">A list of tickets (<c>mine</c>); empty otherwise.</param>
/// <param name="SuggestRaise">For text the bot did not understand: the title it offers to raise a ticket with.</param>
public sealed record ChatReply(string Text, TicketCardView? Card, IReadOnlyList<TicketCardView> Tickets, string? SuggestRaise)
{
    /// <summary>The same platform request was handled before: nothing was done, and nobody must be answered again.</summary>
    public bool Repeated { get; init; }

    public static ChatReply Say(string text) => new(text, null, [], null);

    /// <summary>The answer to a repeated request.</summary>
    public static ChatReply Repeat { get; } = new("That was already done.", null, [], null) { Repeated = true };
}
