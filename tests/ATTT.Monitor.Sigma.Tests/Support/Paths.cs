using System.Reflection;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>The read-only ../shared data and the repository's rules/ folder, found by walking up.</summary>
internal static class Paths
{
    private static readonly Lazy<string> SharedRoot = new(() => Find(dir => Path.Combine(dir, "shared"), "sigma/regression_data"));
    private static readonly Lazy<string> RepoRoot = new(() => Find(dir => dir, "rules/logsource-mapping.yml"));

    public static string Shared => SharedRoot.Value;
    public static string Repository => RepoRoot.Value;
    public static string ProductRules => Path.Combine(Repository, "rules");
    public static string RegressionData => Path.Combine(Shared, "sigma", "regression_data");
    public static string AttackSamples => Path.Combine(Shared, "evtx", "attack-samples");

    /// <summary>Every shared SigmaHQ rule folder (rules, rules-emerging-threats, …).</summary>
    public static IReadOnlyList<string> SharedRuleFolders() =>
        Directory.GetDirectories(Path.Combine(Shared, "sigma"), "rules*").Order(StringComparer.Ordinal).ToList();

    private static string Find(Func<string, string> candidateOf, string marker)
    {
        var source = typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, source })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = candidateOf(dir.FullName);
                if (File.Exists(Path.Combine(candidate, marker)) || Directory.Exists(Path.Combine(candidate, marker)))
                    return candidate;
            }
        }

        throw new InvalidOperationException($"'{marker}' was not found above {AppContext.BaseDirectory}.");
    }
}
