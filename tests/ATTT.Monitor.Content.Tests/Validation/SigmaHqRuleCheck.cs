namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>
/// Each sigmahq.vi.yml entry must explain a rule that exists, and its title_en must be that rule's
/// title exactly: an entry whose rule was renamed or removed upstream is reported, not kept.
/// </summary>
internal static class SigmaHqRuleCheck
{
    public static List<ContentProblem> Compare(string path, IEnumerable<SigmaHqExplanation> entries, SigmaRuleIndex rules)
    {
        var problems = new List<ContentProblem>();
        foreach (var entry in entries)
        {
            if (rules.Find(entry.RuleId) is not { } rule)
                problems.Add(new ContentProblem(path, entry.Line, entry.RuleId, "no SigmaHQ rule has this id"));
            else if (!string.Equals(rule.Title, entry.TitleEn, StringComparison.Ordinal))
                problems.Add(new ContentProblem(path, entry.Line, $"{entry.RuleId}.title_en",
                    $"is '{entry.TitleEn}' but the rule ({rule.Path}) is titled '{rule.Title}'"));
        }

        return problems;
    }
}
