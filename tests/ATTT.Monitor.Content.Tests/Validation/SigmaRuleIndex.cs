using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>The Sigma rules under some folders (read recursively), by rule id.</summary>
internal sealed class SigmaRuleIndex
{
    private readonly Dictionary<string, SigmaRule> _byId = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<SigmaRule> Rules => _byId.Values;

    /// <summary>Files that are not YAML this reader understands; reported, never silently dropped.</summary>
    public List<string> Unreadable { get; } = [];

    public static SigmaRuleIndex Load(IEnumerable<string> folders)
    {
        var index = new SigmaRuleIndex();
        foreach (var file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*.yml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
            index.Add(file);
        return index;
    }

    public SigmaRule? Find(string id) => _byId.GetValueOrDefault(id);

    private void Add(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            Unreadable.Add($"{file}:{ex.Start.Line}: {ex.Message}");
            return;
        }

        // A file may hold several documents (a rule and its correlation); each with an id is a rule.
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode root && Scalar(root, "id") is { } id && Scalar(root, "title") is { } title)
                _byId.TryAdd(id, new SigmaRule(id, title, Tags(root), file));
        }
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } ? text : null;

    private static List<string> Tags(YamlMappingNode node) =>
        node.Children.TryGetValue(new YamlScalarNode("tags"), out var value) && value is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0)]
            : [];
}
