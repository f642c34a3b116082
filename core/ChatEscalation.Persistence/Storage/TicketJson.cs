using System.Text.Json;
using System.Text.Json.Serialization;
using ChatEscalation.Core.Notifications;
using ChatEscalation.Core.Tickets;

namespace ChatEscalation.Persistence.Storage;

/// <summary>The JSON form of tickets, handoff notes and audiences as stored in the database (System.Text.Json, enums as strings).</summary>
public static class TicketJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Ticket ticket) => JsonSerializer.Serialize(ticket, Options);

    public static Ticket DeserializeTicket(string json) =>
        JsonSerializer.Deserialize<Ticket>(json, Options) ?? throw new JsonException("The stored ticket state is null.");

    public static string? Serialize(HandoffNote? note) => note is null ? null : JsonSerializer.Serialize(note, Options);

    public static HandoffNote? DeserializeHandoff(string? json) => json is null ? null : JsonSerializer.Deserialize<HandoffNote>(json, Options);

    public static string Serialize(Audience audience) => JsonSerializer.Serialize(audience, Options);

    public static Audience DeserializeAudience(string json) =>
        JsonSerializer.Deserialize<Audience>(json, Options) ?? throw new JsonException("The stored audience is null.");

    public static string Serialize(IReadOnlyList<string> actions) => JsonSerializer.Serialize(actions, Options);

    public static IReadOnlyList<string> DeserializeActions(string json) => JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];
}
