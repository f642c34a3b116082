using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ChatEscalation.Bot.Tests.Cards;

/// <summary>
/// Loads JSON Schema files with JsonSchema.Net 8 for offline use and turns evaluation results into
/// readable error lines.
/// </summary>
/// <remarks>
/// Each schema is built with its own <see cref="SchemaRegistry"/>, so two schemas with the same <c>$id</c> never
/// clash in the global registry, and that registry refuses to fetch anything: a <c>$ref</c> to a document that
/// is not registered fails instead of going to the network.
/// JsonSchema.Net 8 knows drafts 06, 07, 2019-09, 2020-12 and v1, not draft-04: pass
/// <paramref name="dialectOverride"/> to evaluate a draft-04 file (the Teams manifest schemas) as draft-07.
/// </remarks>
public static class OfflineJsonSchema
{
    /// <summary>The <c>$schema</c> URI of draft-07, for <c>Load(..., dialectOverride)</c>.</summary>
    public const string Draft07 = "http://json-schema.org/draft-07/schema#";

    /// <summary>Builds the schema in <paramref name="path"/>, optionally replacing its <c>$schema</c> first.</summary>
    public static JsonSchema Load(string path, string? dialectOverride = null)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidOperationException($"{path} is not a JSON object.");
        if (dialectOverride is not null)
        {
            node["$schema"] = dialectOverride;
        }

        var registry = new SchemaRegistry
        {
            Fetch = (uri, _) => throw new InvalidOperationException($"Schema {path} refers to {uri}, which is not available offline."),
        };
        var options = new BuildOptions { SchemaRegistry = registry };
        using var document = JsonDocument.Parse(node.ToJsonString());
        return JsonSchema.Build(document.RootElement.Clone(), options, new Uri(Path.GetFullPath(path)));
    }

    /// <summary>
    /// Evaluates <paramref name="instance"/> and returns one line per failed keyword,
    /// <c>"&lt;instance location&gt;: &lt;keyword&gt;: &lt;message&gt; (schema &lt;location&gt;)"</c>; empty when valid.
    /// </summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var node in new[] { results }.Concat(results.Details ?? []))
        {
            foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            {
                lines.Add($"{node.InstanceLocation}: {keyword}: {message} (schema {node.EvaluationPath})");
            }
        }

        return lines.Count > 0 ? lines : ["(invalid, no detail reported)"];
    }
}
