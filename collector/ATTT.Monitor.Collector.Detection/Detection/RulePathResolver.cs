namespace ATTT.Monitor.Collector.Detection;

/// <summary>Finds the rule folders: the configured ones, or the repository's <c>rules/</c> folder.</summary>
public static class RulePathResolver
{
    public const string DefaultFolderName = "rules";

    /// <summary>
    /// Configured paths made absolute (relative to the working directory); when none are configured,
    /// the first <c>rules/</c> folder found beside or above the executable, then beside or above the
    /// working directory. Empty when there is none.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> configured, string baseDirectory, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var paths = configured.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Path.GetFullPath(p, workingDirectory)).ToList();
        if (paths.Count > 0)
            return paths;
        foreach (var start in new[] { baseDirectory, workingDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultFolderName);
                if (Directory.Exists(candidate))
                    return [candidate];
            }
        }

        return [];
    }
}
