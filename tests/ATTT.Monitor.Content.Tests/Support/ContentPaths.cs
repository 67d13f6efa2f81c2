using System.Runtime.CompilerServices;

namespace ATTT.Monitor.Content.Tests.Support;

/// <summary>
/// The repository root (the folder holding ATTT.Monitor.sln) and ../shared beside it, found by
/// walking up from the test binaries and, for builds with an --artifacts-path elsewhere, from
/// this source file.
/// </summary>
internal static class ContentPaths
{
    public static string Root { get; } = FindUp(d => File.Exists(Path.Combine(d, "ATTT.Monitor.sln")))
        ?? throw new InvalidOperationException("ATTT.Monitor.sln was not found above the test binaries or the test sources.");

    public static string Guidance => Path.Combine(Root, "guidance");

    public static string AttackTable => Path.Combine(Guidance, "attack.vi.yml");

    public static string SigmaHqExplanations => Path.Combine(Guidance, "sigmahq.vi.yml");

    public static string Playbooks => Path.Combine(Root, "playbooks");

    public static string ProductRules => Path.Combine(Root, "rules", "windows");

    /// <summary>../shared/sigma, or null when the shared test data is not laid beside the repository.</summary>
    public static string? SharedSigma
    {
        get
        {
            var sigma = Path.Combine(Path.GetDirectoryName(Root) ?? Root, "shared", "sigma");
            return Directory.Exists(Path.Combine(sigma, "rules")) ? sigma : null;
        }
    }

    private static string? FindUp(Func<string, bool> isRoot)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceFolder() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (isRoot(dir.FullName))
                    return dir.FullName;
            }
        }

        return null;
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
