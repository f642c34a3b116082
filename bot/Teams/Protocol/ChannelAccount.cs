using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// A user or bot in a conversation. For Teams users <see cref="Id"/> is an MRI (<c>29:…</c>),
/// for the bot it is <c>28:&lt;appId&gt;</c>; <see cref="AadObjectId"/> is the stable Entra object id.
/// </summary>
public sealed class ChannelAccount
{
    /// <summary>Channel-specific account id.</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Entra object id (GUID), when the channel provides it.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Optional role: <c>user</c> or <c>bot</c>.</summary>
    public string? Role { get; set; }

    /// <summary>Members not modelled above, preserved as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
