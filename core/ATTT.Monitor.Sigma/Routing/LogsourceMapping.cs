using System.Globalization;
using ATTT.Monitor.Sigma.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// The logsource mapping (rules/logsource-mapping.yml, embedded; <c>--mapping</c> replaces it).
/// A rule whose logsource no source serves is still loaded, but can match no Windows event;
/// <see cref="SigmaRuleSet.UnroutedRules"/> lists them.
/// </summary>
public sealed class LogsourceMapping
{
    private LogsourceMapping(IReadOnlyList<EventSource> sources) => Sources = sources;

    public IReadOnlyList<EventSource> Sources { get; }

    /// <summary>The mapping shipped with the product.</summary>
    public static LogsourceMapping Default() => Parse(new StringReader(DefaultText()), "logsource-mapping.yml (built in)");

    /// <summary>The text of the mapping shipped with the product.</summary>
    public static string DefaultText()
    {
        using var stream = typeof(LogsourceMapping).Assembly.GetManifestResourceStream("ATTT.Monitor.Sigma.logsource-mapping.yml")
            ?? throw new InvalidOperationException("the embedded logsource mapping is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <exception cref="SigmaMappingException">The file is not a valid mapping.</exception>
    public static LogsourceMapping Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static LogsourceMapping Parse(TextReader text, string name)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(text);
        }
        catch (YamlException ex)
        {
            throw new SigmaMappingException($"{name}: not valid YAML at line {ex.Start.Line}.");
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root
            || YamlNodes.Get(root, "sources") is not YamlSequenceNode list)
            throw new SigmaMappingException($"{name}: expected one document with a 'sources' list.");

        var sources = new List<EventSource>();
        foreach (var item in list.Children)
        {
            if (item is not YamlMappingNode map)
                throw new SigmaMappingException($"{name}: line {item.Start.Line}: each source must be a map.");
            try
            {
                sources.Add(ParseSource(map));
            }
            catch (SigmaRuleException ex)
            {
                throw new SigmaMappingException($"{name}: line {item.Start.Line}: {ex.Message}.");
            }
        }

        return new LogsourceMapping(sources);
    }

    private static EventSource ParseSource(YamlMappingNode map)
    {
        var channels = YamlNodes.StringList(map, "channel");
        if (channels.Count == 0) throw SigmaRuleException.Invalid("a source needs 'channel'");
        HashSet<int>? ids = null;
        var idTexts = YamlNodes.StringList(map, "event_ids");
        if (idTexts.Count > 0)
        {
            ids = [];
            foreach (var t in idTexts)
            {
                if (!int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    throw SigmaRuleException.Invalid($"event id '{t}' is not a number");
                ids.Add(id);
            }
        }

        var where = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (YamlNodes.Get(map, "where") is YamlMappingNode w)
        {
            foreach (var (k, _) in w.Children)
            {
                var key = ((YamlScalarNode)k).Value!;
                where[key] = YamlNodes.StringList(w, key);
            }
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlNodes.Get(map, "fields") is YamlMappingNode f)
        {
            foreach (var (k, v) in f.Children)
                renames[((YamlScalarNode)k).Value!] = YamlNodes.ScalarValue(v) ?? throw SigmaRuleException.Invalid($"field rename '{k}' has no target");
        }

        var product = YamlNodes.String(map, "product");
        var category = YamlNodes.String(map, "category");
        var service = YamlNodes.String(map, "service");
        if (category is null && service is null) throw SigmaRuleException.Invalid("a source needs 'category' or 'service'");
        return new EventSource(product, category, service, channels, ids, YamlNodes.String(map, "provider"), where, renames);
    }
}
