namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>What attack.vi.yml defines, as far as the checks need it.</summary>
internal sealed record AttackTable(
    IReadOnlyDictionary<string, string> TacticCategories,
    IReadOnlyDictionary<string, string> TacticNames,
    IReadOnlyDictionary<string, string?> TechniqueCategories)
{
    /// <summary>The tactic a Sigma tag's name refers to (its key or one of its aliases), or null.</summary>
    public string? ResolveTactic(string name) => TacticNames.TryGetValue(name, out var key) ? key : null;
}
