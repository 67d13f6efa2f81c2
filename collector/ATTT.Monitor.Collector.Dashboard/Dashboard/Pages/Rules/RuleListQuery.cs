using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Rules;

/// <summary>
/// The rules page's search and filters over the rules in service: words in the title, id or tags;
/// level, status, ATT&amp;CK tactic and pack, each exact. Tactics are read from the <c>attack.*</c>
/// tags that are not technique, group or software ids, with <c>_</c> read as <c>-</c>.
/// </summary>
internal sealed record RuleListQuery(string? Q, string? Level, string? Status, string? Tactic, string? Pack)
{
    public IEnumerable<LoadedRule> Apply(IEnumerable<LoadedRule> rules) => rules.Where(Matches);

    public bool Matches(LoadedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Level is { Length: > 0 } && !string.Equals(rule.Level, Level, StringComparison.Ordinal))
            return false;
        if (Status is { Length: > 0 } && !string.Equals(rule.Status, Status, StringComparison.Ordinal))
            return false;
        if (Pack is { Length: > 0 } && !string.Equals(rule.Pack, Pack, StringComparison.Ordinal))
            return false;
        if (Tactic is { Length: > 0 } && !TacticsOf(rule).Contains(Tactic, StringComparer.Ordinal))
            return false;
        if (Q is not { Length: > 0 } q)
            return true;
        foreach (var word in q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!rule.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
                && !rule.Id.Contains(word, StringComparison.OrdinalIgnoreCase)
                && !rule.Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase)))
                return false;
        }

        return true;
    }

    public static IEnumerable<string> TacticsOf(LoadedRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        foreach (var tag in rule.Tags)
        {
            if (!tag.StartsWith("attack.", StringComparison.OrdinalIgnoreCase))
                continue;
            var name = tag["attack.".Length..].ToLowerInvariant().Replace('_', '-');
            var isId = name.Length > 1 && name[0] is 't' or 'g' or 's' && char.IsAsciiDigit(name[1]);
            if (!isId && name.Length > 0)
                yield return name;
        }
    }
}
