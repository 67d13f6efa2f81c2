using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>
/// Checks guidance/sigmahq.vi.yml: keyed by SigmaHQ rule id, each entry with title_en
/// (the rule's English title) and the Vietnamese title, what_happened, why_it_matters and what_to_do.
/// </summary>
internal static partial class SigmaHqExplanationsValidator
{
    private static readonly string[] Fields = ["title_en", "title", "what_happened", "why_it_matters", "what_to_do"];

    public static (IReadOnlyList<SigmaHqExplanation> Entries, List<ContentProblem> Problems) Validate(string path)
    {
        var problems = new List<ContentProblem>();
        var entries = new List<SigmaHqExplanation>();
        if (YamlContentFile.LoadRoot(path, problems) is not { } root)
            return (entries, problems);

        foreach (var (keyNode, value) in root.Children)
        {
            var id = (keyNode as YamlScalarNode)?.Value ?? "";
            var entry = new EntryReader(path, id, keyNode, value, problems);
            if (!RuleId().IsMatch(id))
                entry.Report(keyNode, id, "an entry is keyed by the SigmaHQ rule id, a lower-case UUID");
            if (!entry.IsMapping())
                continue;
            entry.RejectUnknownKeys(Fields);
            var titleEn = entry.Text("title_en", vietnamese: false);
            entry.Text("title", vietnamese: true);
            entry.Text("what_happened", vietnamese: true);
            entry.Text("why_it_matters", vietnamese: true);
            entry.TextList("what_to_do", vietnamese: true);
            entries.Add(new SigmaHqExplanation(id, titleEn, YamlContentFile.Line(keyNode)));
        }

        return (entries, problems);
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex RuleId();
}
