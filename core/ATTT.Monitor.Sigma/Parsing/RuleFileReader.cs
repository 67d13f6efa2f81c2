using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>
/// Reads a rule file: one or more YAML documents. Applies the rule-collection actions
/// (<c>action: global</c> merged into the documents that follow, <c>reset</c>, <c>repeat</c>).
/// </summary>
internal static class RuleFileReader
{
    public static IReadOnlyList<RuleDocument> Read(string path, TextReader text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException ex)
        {
            throw SigmaRuleException.Invalid($"not valid YAML at line {ex.Start.Line}: {FirstLine(ex.Message)}");
        }

        var documents = new List<RuleDocument>();
        YamlMappingNode? global = null;
        YamlMappingNode? previous = null;
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            var root = stream.Documents[i].RootNode;
            if (YamlNodes.IsNull(root)) continue;
            if (root is not YamlMappingNode map)
                throw SigmaRuleException.Invalid($"document {i + 1} is not a YAML mapping (line {root.Start.Line})");

            switch (YamlNodes.String(map, "action"))
            {
                case "global":
                    global = Without(map, "action");
                    continue;
                case "reset":
                    global = null;
                    continue;
                case "repeat":
                    if (previous is null)
                        throw SigmaRuleException.Invalid($"document {i + 1} has 'action: repeat' with no document before it");
                    map = YamlNodes.Merge(previous, Without(map, "action"));
                    break;
                case null:
                    break;
                case var other:
                    throw SigmaRuleException.Invalid($"document {i + 1} has unknown action '{other}'");
            }

            previous = map;
            documents.Add(new RuleDocument(path, i + 1, global is null ? map : YamlNodes.Merge(global, map)));
        }

        return documents;
    }

    private static YamlMappingNode Without(YamlMappingNode map, string key)
    {
        var copy = new YamlMappingNode();
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode s && s.Value == key) continue;
            copy.Children[k] = v;
        }

        return copy;
    }

    private static string FirstLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
