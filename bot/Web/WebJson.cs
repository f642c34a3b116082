using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Web;

/// <summary>The JSON the web pages' endpoints speak (emulator and dashboard): camelCase, enums as names.</summary>
public static class WebJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
