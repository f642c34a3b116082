namespace ChatEscalation.Bot.Local;

/// <summary>Body of <c>POST /local/actions</c>: who pressed which button on which ticket, with the form's fields (tried, outcome, needs, resolution, reason).</summary>
public sealed record LocalActionRequest(string? User, long Ticket, string? Action, Dictionary<string, string>? Fields);
