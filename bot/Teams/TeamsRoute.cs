using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Teams;

/// <summary>Where the bot answers a person on Teams, stored with the reply in the outbox (<c>RouteJson</c>).</summary>
/// <param name="ReplyToId">Answer as a reply to this activity (a channel thread); null: a message in the conversation (a 1:1 or group chat).</param>
/// <param name="RaiseForm">Answer with the raise form prefilled from this text (a 1:1 message the bot did not understand).</param>
/// <param name="Home">Answer with the home card (<see cref="TeamsHome"/>) of the person answered, built at delivery; the value is their Teams user id.</param>
public sealed record TeamsRoute(string ServiceUrl, string ConversationId, string? ReplyToId = null, string? RaiseForm = null, string? Home = null)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static TeamsRoute Parse(string json) => JsonSerializer.Deserialize<TeamsRoute>(json, Options) ?? throw new JsonException("The stored Teams route is empty.");
}
