using System.Runtime.CompilerServices;

namespace ATTT.Monitor.Inputs.Tests.Support;

/// <summary>
/// Finds ../shared: the first folder up from the test binaries, or else from this source file
/// (builds with --artifacts-path put the binaries outside the repository), that has shared/CONTRACT.md.
/// </summary>
internal static class SharedData
{
    public static string Root { get; } = Find(SourceDirectory());

    public static string AttackSample(params string[] parts) => Path.Combine([Root, "evtx", "attack-samples", .. parts]);

    public static string Otrf(string name) => Path.Combine(Root, "datasets", "otrf", name);

    public static string RegressionData => Path.Combine(Root, "sigma", "regression_data");

    public static IReadOnlyList<string> SigmaRuleFolders =>
        new[] { "rules", "rules-emerging-threats", "rules-threat-hunting" }.Select(f => Path.Combine(Root, "sigma", f)).Where(Directory.Exists).ToList();

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? "";

    private static string Find(string sourceDirectory)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, sourceDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (File.Exists(Path.Combine(candidate, "CONTRACT.md")))
                    return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/ folder with CONTRACT.md above {AppContext.BaseDirectory} or {sourceDirectory}.");
    }
}
