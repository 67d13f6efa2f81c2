using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>Reads the SigmaHQ regression .json files: several pretty-printed objects concatenated.</summary>
internal static class ReferenceJson
{
    public static List<JsonNode> ReadAll(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true });
        var nodes = new List<JsonNode>();
        while (reader.Read())
            nodes.Add(JsonNode.Parse(ref reader)!);
        return nodes;
    }

    /// <summary>A JSON scalar as the text a Sigma rule matches: numbers as written, strings as is.</summary>
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => node.ToJsonString(),
    };

    public static string Describe(JsonNode node) => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(node));
}
