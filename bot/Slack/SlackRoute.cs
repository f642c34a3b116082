using System.Text.Json;

namespace ChatEscalation.Bot.Slack;

/// <summary>Where the bot answers a person on Slack, stored with the reply in the outbox (<c>RouteJson</c>).</summary>
/// <param name="Channel">A channel or DM channel id, or a user id (<c>U…</c>: the app's DM with them).</param>
/// <param name="ThreadTs">Answer in this thread.</param>
/// <param name="EphemeralUser">Show the answer to this user only (<c>chat.postEphemeral</c>), e.g. a refusal of a click.</param>
/// <param name="SuggestRaise">Offer a "Raise a ticket…" button with this title (text the bot did not understand in a DM).</param>
public sealed record SlackRoute(string Channel, string? ThreadTs = null, string? EphemeralUser = null, string? SuggestRaise = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, SlackJsonRoute.Options);

    public static SlackRoute Parse(string json) =>
        JsonSerializer.Deserialize<SlackRoute>(json, SlackJsonRoute.Options) ?? throw new JsonException("The stored Slack route is empty.");

    /// <summary>The conversation key replies to it are ordered by.</summary>
    public string Conversation => Channel;

    private static class SlackJsonRoute
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    }
}
