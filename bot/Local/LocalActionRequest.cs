using System.Text.Json;

namespace ChatEscalation.Bot.Local;

/// <summary>
/// Body of <c>POST /local/actions</c>: who pressed which button on which ticket, with the form's fields by field name; or, for a
/// button on the Teams rendering of a card, the <c>Action.Execute</c> verb and data as Teams would send them (<see cref="Teams"/>).
/// </summary>
/// <param name="Source">For <c>raise</c>: the id of the message "Raise a ticket" was used on (<see cref="LocalThreads.RaiseFromMessageAsync"/>).</param>
public sealed record LocalActionRequest(string? User, long Ticket, string? Action, Dictionary<string, string>? Fields, LocalTeamsAction? Teams = null,
    string? Source = null);

/// <summary>What the Teams rendering of a card submitted: the verb and the data with the card's inputs merged in.</summary>
public sealed record LocalTeamsAction(string? Verb, JsonElement Data);
