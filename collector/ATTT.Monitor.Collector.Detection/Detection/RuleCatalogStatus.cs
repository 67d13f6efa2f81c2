namespace ATTT.Monitor.Collector.Detection;

/// <summary>A rule in service, for the dashboard's rule list.</summary>
public sealed record LoadedRule(string Id, string Title, string Level, string Path, bool IsCorrelation);

/// <summary>
/// What the rule catalog holds and how its last (re)load went: the rules in service, the rules
/// skipped or invalid with reasons, and, when the last reload was refused, why (the previous good
/// set stays in service).
/// </summary>
public sealed record RuleCatalogStatus(
    IReadOnlyList<string> Paths,
    DateTimeOffset? LoadedAt,
    long Version,
    IReadOnlyList<LoadedRule> Rules,
    int UnsupportedCount,
    int InvalidCount,
    IReadOnlyList<string> Diagnostics,
    DateTimeOffset? LastAttemptAt,
    string? LastAttemptError)
{
    public static RuleCatalogStatus Empty { get; } = new([], null, 0, [], 0, 0, [], null, null);
}
