using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The conversation an activity belongs to. <see cref="Id"/> is opaque (<c>a:…</c> personal,
/// <c>19:…@thread.v2</c> group chat, <c>19:…@thread.tacv2;messageid=…</c> channel thread).
/// </summary>
public sealed class ConversationAccount
{
    /// <summary>Conversation id; must be URL-encoded when used in a Connector path.</summary>
    public string? Id { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    public string? ConversationType { get; set; }

    /// <summary>Tenant of the conversation (the channelData tenant is authoritative).</summary>
    public string? TenantId { get; set; }

    /// <summary>True for group chats and channels.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>Conversation name, when any.</summary>
    public string? Name { get; set; }

    /// <summary>Members not modelled above, preserved as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
