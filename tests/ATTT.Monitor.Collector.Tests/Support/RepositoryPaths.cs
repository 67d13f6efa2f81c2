using System.Runtime.CompilerServices;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// Finds the repository (for playbooks/ and rules/) and ../shared: walking up from the test's base
/// directory first (the convention), then from this source file's folder, so that builds with
/// an --artifacts-path outside the tree still find them.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root => Find(d => File.Exists(Path.Combine(d, "ATTT.Monitor.sln")))
        ?? throw new InvalidOperationException("The repository root (ATTT.Monitor.sln) was not found above the tests.");

    public static string Playbooks => Path.Combine(Root, "playbooks");

    /// <summary>The shared test data folder, or null when it is not laid beside the repository.</summary>
    public static string? Shared =>
        Find(d => File.Exists(Path.Combine(d, "shared", "CONTRACT.md"))) is { } parent ? Path.Combine(parent, "shared") : null;

    private static string? Find(Func<string, bool> match)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceFolder() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (match(dir.FullName))
                    return dir.FullName;
            }
        }

        return null;
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
