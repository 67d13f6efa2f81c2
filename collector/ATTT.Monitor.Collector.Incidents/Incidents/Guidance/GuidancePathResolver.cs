using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Finds the guidance folder: the configured one, else <c>guidance/</c> beside the product's <c>rules/</c> folder.</summary>
internal static class GuidancePathResolver
{
    public const string DefaultFolderName = "guidance";

    /// <summary>
    /// The configured path made absolute; otherwise the <c>guidance/</c> folder next to one of the
    /// configured rule folders, else next to the <c>rules/</c> folder found as
    /// <see cref="RulePathResolver"/> finds it (beside or above the executable, then the working
    /// directory). Null when there is none.
    /// </summary>
    public static string? Resolve(string? configured, IReadOnlyList<string> rulePaths, string baseDirectory, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(rulePaths);
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, workingDirectory);
        var configuredRules = rulePaths.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Path.GetFullPath(p, workingDirectory));
        foreach (var rules in configuredRules.Concat(RulePathResolver.Resolve([], baseDirectory, workingDirectory)))
        {
            var candidate = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(rules)) ?? rules, DefaultFolderName);
            if (Directory.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
