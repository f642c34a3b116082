using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Local;

/// <summary>The JSON the emulator's endpoints speak: camelCase, enums as names.</summary>
public static class LocalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
