using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>
/// Checks guidance/attack.vi.yml against the schema in guidance/README.md:
/// every field present, Vietnamese texts with diacritics, categories from the list, unique tactic
/// names and aliases, and every technique's tactics defined as tactics.
/// </summary>
internal static partial class AttackTableValidator
{
    private static readonly string[] TacticFields = ["name", "aliases", "category", "explanation", "what_to_do"];
    private static readonly string[] TechniqueFields = ["name", "tactics", "category", "explanation", "what_to_do"];

    public static (AttackTable Table, List<ContentProblem> Problems) Validate(string path)
    {
        var problems = new List<ContentProblem>();
        var tacticCategories = new Dictionary<string, string>(StringComparer.Ordinal);
        var tacticNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var techniques = new Dictionary<string, string?>(StringComparer.Ordinal);
        var table = new AttackTable(tacticCategories, tacticNames, techniques);
        if (YamlContentFile.LoadRoot(path, problems) is not { } root)
            return (table, problems);

        var top = new EntryReader(path, "(file)", root, root, problems);
        top.RejectUnknownKeys("tactics", "techniques");
        var tactics = Section(root, "tactics", path, problems);
        var techniqueSection = Section(root, "techniques", path, problems);

        // Tactics first: the techniques are checked against them.
        foreach (var (keyNode, value) in Entries(tactics))
            ReadTactic(path, keyNode, value, tacticCategories, tacticNames, problems);
        foreach (var (keyNode, value) in Entries(techniqueSection))
            ReadTechnique(path, keyNode, value, tacticCategories, techniques, problems);

        return (table, problems);
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? section) =>
        section?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();

    private static YamlMappingNode? Section(YamlMappingNode root, string name, string path, List<ContentProblem> problems)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(name), out var node))
        {
            problems.Add(new ContentProblem(path, YamlContentFile.Line(root), name, "is missing"));
            return null;
        }

        if (node is YamlMappingNode mapping)
            return mapping;
        problems.Add(new ContentProblem(path, YamlContentFile.Line(node), name, "must be a mapping keyed by name"));
        return null;
    }

    private static void ReadTactic(string path, YamlNode keyNode, YamlNode value,
        Dictionary<string, string> categories, Dictionary<string, string> names, List<ContentProblem> problems)
    {
        var key = (keyNode as YamlScalarNode)?.Value ?? "";
        var field = $"tactics.{key}";
        var entry = new EntryReader(path, field, keyNode, value, problems);
        if (!TacticKey().IsMatch(key))
            entry.Report(keyNode, field, "a tactic key is its hyphenated lower-case name as Sigma 2 writes it (credential-access)");
        if (!entry.IsMapping())
            return;
        entry.RejectUnknownKeys(TacticFields);
        entry.Text("name", vietnamese: true);
        entry.Text("explanation", vietnamese: true);
        entry.TextList("what_to_do", vietnamese: true);
        var category = Category(entry, path, value, field, required: true, problems);
        categories[key] = category ?? "";
        foreach (var name in entry.OptionalTextList("aliases").Prepend(key))
        {
            if (!names.TryAdd(name, key))
                entry.Report(value, $"{field}.aliases", $"'{name}' already names tactic '{names[name]}'");
        }
    }

    private static void ReadTechnique(string path, YamlNode keyNode, YamlNode value,
        Dictionary<string, string> tactics, Dictionary<string, string?> techniques, List<ContentProblem> problems)
    {
        var key = (keyNode as YamlScalarNode)?.Value ?? "";
        var field = $"techniques.{key}";
        var entry = new EntryReader(path, field, keyNode, value, problems);
        if (!TechniqueKey().IsMatch(key))
            entry.Report(keyNode, field, "a technique key is its lower-case ATT&CK id (t1003, t1003.001)");
        if (!entry.IsMapping())
            return;
        entry.RejectUnknownKeys(TechniqueFields);
        entry.Text("name", vietnamese: true);
        entry.Text("explanation", vietnamese: true);
        entry.TextList("what_to_do", vietnamese: true);
        foreach (var tactic in entry.TextList("tactics", vietnamese: false) ?? [])
        {
            if (!tactics.ContainsKey(tactic))
                entry.Report(value, $"{field}.tactics", $"'{tactic}' is not a key under tactics (tactics are listed by their key, not an alias)");
        }

        techniques[key] = Category(entry, path, value, field, required: false, problems);
    }

    private static string? Category(EntryReader entry, string path, YamlNode value, string field, bool required, List<ContentProblem> problems)
    {
        var category = required ? entry.Text("category", vietnamese: false) : entry.OptionalText("category");
        if (category is not null && !IncidentCategories.All.Contains(category, StringComparer.Ordinal))
        {
            problems.Add(new ContentProblem(path, YamlContentFile.Line(value), $"{field}.category",
                $"'{category}' is not an incident category ({string.Join(", ", IncidentCategories.All)})"));
            return null;
        }

        return category;
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex TacticKey();

    [GeneratedRegex(@"^t\d{4}(\.\d{3})?$")]
    private static partial Regex TechniqueKey();
}
