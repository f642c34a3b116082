using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatEscalation.Bot.Slack.Protocol;

/// <summary>
/// Reads a string, or null when Slack sends another shape under the same name (some events carry
/// <c>user</c> or <c>channel</c> as objects); the value is skipped instead of failing the whole payload.
/// Numbers and booleans are kept as their JSON text.
/// </summary>
public sealed class SlackLenientStringConverter : JsonConverter<string?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                using (var doc = JsonDocument.ParseValue(ref reader)) return doc.RootElement.GetRawText();
            default:
                reader.Skip();
                return null;
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
