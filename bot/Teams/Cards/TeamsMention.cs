namespace ChatEscalation.Bot.Teams.Cards;

/// <summary>Whom a card @mentions: the Teams id to put in <c>mentioned.id</c> (a <c>29:</c> id, Entra object id or UPN) and the display name.</summary>
public sealed record TeamsMention(string Id, string Name);
