using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// The regression cases of one rule file: <c>Cases/&lt;area&gt;/&lt;stem&gt;.yml</c> for
/// <c>rules/windows/&lt;area&gt;/&lt;stem&gt;.yml</c>, with <c>match:</c>, <c>no_match:</c> and
/// optional <c>samples:</c> lists (format in Cases/README.md).
/// </summary>
internal sealed class CaseFile
{
    private static readonly HashSet<string> TopKeys = ["match", "no_match", "samples"];
    private static readonly HashSet<string> CaseKeys = ["name", "rule", "count", "events"];
    private static readonly HashSet<string> SampleKeys = ["file", "rule", "min"];

    public required string Path { get; init; }
    public required IReadOnlyList<RuleCase> Cases { get; init; }
    public required IReadOnlyList<SampleCase> Samples { get; init; }

    public static CaseFile Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            try
            {
                yaml.Load(reader);
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new CaseFormatException(path, (int)ex.Start.Line, $"not valid YAML: {ex.Message}");
            }
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new CaseFormatException(path, 1, "a case file is one YAML map with match:, no_match: and samples:");
        var keys = new CaseYaml(path);
        keys.CheckKeys(root, TopKeys, "the case file");
        var events = new CaseEventReader(path);
        var cases = new List<RuleCase>();
        foreach (var (list, shouldMatch) in new[] { ("match", true), ("no_match", false) })
        {
            if (keys.Get(root, list) is not { } node) continue;
            foreach (var item in keys.Sequence(node, list))
            {
                var map = keys.Map(item, $"a {list} case");
                keys.CheckKeys(map, CaseKeys, $"a {list} case");
                var name = keys.RequiredText(map, "name");
                var count = keys.Get(map, "count") is { } c ? keys.Int(c, "count") : 1;
                if (shouldMatch && count < 1)
                    throw new CaseFormatException(path, (int)map.Start.Line, $"match case '{name}' has count 0; write it as a no_match case");
                if (!shouldMatch && keys.Get(map, "count") is not null)
                    throw new CaseFormatException(path, (int)map.Start.Line, $"no_match case '{name}' has a count; it expects none");
                var evs = keys.Get(map, "events") ?? throw new CaseFormatException(path, (int)map.Start.Line, $"case '{name}' has no events");
                cases.Add(new RuleCase(name, (int)map.Start.Line, shouldMatch, keys.Text(map, "rule"), count, events.ReadAll(evs)));
            }
        }

        var samples = new List<SampleCase>();
        if (keys.Get(root, "samples") is { } sampleNode)
        {
            foreach (var item in keys.Sequence(sampleNode, "samples"))
            {
                var map = keys.Map(item, "a sample");
                keys.CheckKeys(map, SampleKeys, "a sample");
                var min = keys.Get(map, "min") is { } m ? keys.Int(m, "min") : 1;
                if (min < 1) throw new CaseFormatException(path, (int)map.Start.Line, "a sample's 'min' must be 1 or more; a sample that need not match checks nothing");
                samples.Add(new SampleCase(keys.RequiredText(map, "file"), (int)map.Start.Line, keys.Text(map, "rule"), min));
            }
        }

        return new CaseFile { Path = path, Cases = cases, Samples = samples };
    }
}
