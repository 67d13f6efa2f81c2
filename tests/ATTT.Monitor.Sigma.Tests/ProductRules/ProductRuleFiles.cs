using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>The product's rule files (rules/windows/…) and the regression case file of each.</summary>
internal static class ProductRuleFiles
{
    public static string RulesRoot => Path.Combine(Paths.ProductRules, "windows");
    public static string CasesRoot => Path.Combine(Paths.Repository, "tests", "ATTT.Monitor.Sigma.Tests", "ProductRules", "Cases");

    private static readonly Lazy<SigmaRuleSet> LoadedRules = new(() => SigmaRuleSet.Load([Paths.ProductRules]));

    /// <summary>rules/ loaded as <c>attt serve</c> loads it with no configuration.</summary>
    public static SigmaRuleSet Rules => LoadedRules.Value;

    public static IReadOnlyList<string> RuleFiles() =>
        Directory.EnumerateFiles(RulesRoot, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> CaseFiles() =>
        Directory.EnumerateFiles(CasesRoot, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>rules/windows/a/b.yml -> Cases/a/b.yml.</summary>
    public static string CaseFileFor(string ruleFile) => Path.Combine(CasesRoot, Path.GetRelativePath(RulesRoot, ruleFile));

    /// <summary>Cases/a/b.yml -> rules/windows/a/b.yml.</summary>
    public static string RuleFileFor(string caseFile) => Path.Combine(RulesRoot, Path.GetRelativePath(CasesRoot, caseFile));

    /// <summary>The path as a reader of the repository writes it: rules/windows/a/b.yml.</summary>
    public static string Show(string path) => Path.GetRelativePath(Paths.Repository, path).Replace('\\', '/');

    /// <summary>Rules and correlations loaded from one file.</summary>
    public static IReadOnlyList<SigmaRuleInfo> RulesIn(string ruleFile)
    {
        var full = Path.GetFullPath(ruleFile);
        return Rules.Rules.Concat(Rules.Correlations).Where(r => Path.GetFullPath(r.Path) == full).ToList();
    }
}
