using System.Text.Json.Nodes;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// Read-only view of the Teams fields in <c>activity.channelData</c>. Every member is null when absent.
/// </summary>
/// <param name="TenantId"><c>tenant.id</c>: the authoritative tenant, present in every context.</param>
/// <param name="TeamId"><c>team.id</c>: only in team (channel) scope.</param>
/// <param name="TeamName"><c>team.name</c>.</param>
/// <param name="ChannelId"><c>channel.id</c>: the Teams channel (not the Bot Framework channelId).</param>
/// <param name="ChannelName"><c>channel.name</c>.</param>
/// <param name="EventType"><c>eventType</c>, e.g. <c>teamMemberAdded</c>, <c>editMessage</c>.</param>
public sealed record TeamsChannelData(
    string? TenantId,
    string? TeamId,
    string? TeamName,
    string? ChannelId,
    string? ChannelName,
    string? EventType)
{
    /// <summary>Reads the Teams channelData of an activity leniently (wrong shapes read as null).</summary>
    public static TeamsChannelData From(Activity activity) => From(activity.ChannelData);

    /// <inheritdoc cref="From(Activity)"/>
    public static TeamsChannelData From(JsonNode? channelData)
    {
        if (channelData is not JsonObject data) return new TeamsChannelData(null, null, null, null, null, null);
        return new TeamsChannelData(
            Read(data, "tenant", "id"),
            Read(data, "team", "id"),
            Read(data, "team", "name"),
            Read(data, "channel", "id"),
            Read(data, "channel", "name"),
            ReadString(data["eventType"]));
    }

    private static string? Read(JsonObject data, string objectName, string member) =>
        data[objectName] is JsonObject inner ? ReadString(inner[member]) : null;

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
