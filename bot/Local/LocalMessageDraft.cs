using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Local;

/// <summary>The content of a message before the store gives it an id, a time and a revision. See <see cref="LocalMessage"/> for the fields.</summary>
public sealed record LocalMessageDraft(
    string Kind,
    string AuthorKey,
    string AuthorName,
    string Text,
    long? Ticket = null,
    IReadOnlyList<string>? Actions = null,
    bool Urgent = false,
    JsonNode? View = null,
    JsonNode? BlockKit = null,
    JsonNode? AdaptiveCard = null);
