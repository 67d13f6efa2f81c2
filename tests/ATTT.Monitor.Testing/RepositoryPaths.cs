using System.Runtime.CompilerServices;

namespace ATTT.Monitor.Testing;

/// <summary>
/// The repository (playbooks/, rules/, artifacts/) and the shared test data beside it (../shared,
/// read in place, never copied): found by walking up from the test's base directory first, then
/// from this source file's folder, so that builds with an --artifacts-path outside the tree find them.
/// </summary>
public static class RepositoryPaths
{
    public static string Root => Find(d => File.Exists(Path.Combine(d, "ATTT.Monitor.sln")))
        ?? throw new DirectoryNotFoundException($"The repository root (ATTT.Monitor.sln) was not found above {AppContext.BaseDirectory} or {SourceFolder()}.");

    public static string Playbooks => Path.Combine(Root, "playbooks");

    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>The shared test data folder, or null when it is not laid beside the repository.</summary>
    public static string? Shared =>
        Find(d => File.Exists(Path.Combine(d, "shared", "CONTRACT.md"))) is { } parent ? Path.Combine(parent, "shared") : null;

    /// <summary>The shared test data folder; throws, naming where it looked, when it is not there.</summary>
    public static string RequiredShared => Shared
        ?? throw new DirectoryNotFoundException($"No shared/CONTRACT.md above {AppContext.BaseDirectory} or {SourceFolder()}.");

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
