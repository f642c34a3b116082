using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Teams.Protocol;

/// <summary>
/// The System.Text.Json settings used for the Bot Framework wire format: camelCase, case-insensitive
/// and lenient on read (unknown members are kept or ignored), nulls omitted on write.
/// </summary>
public static class TeamsJson
{
    /// <summary>Shared serializer options; do not mutate.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
