namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>The read-only ../shared test data, found by walking up from the test binaries.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string AttackSamples => Path.Combine(Root, "evtx", "attack-samples");

    public static string RegressionData => Path.Combine(Root, "sigma", "regression_data");

    public static IReadOnlyList<string> EvtxFiles(string folder)
    {
        var files = Directory.GetFiles(folder, "*.evtx", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>The attack samples and the regression data together.</summary>
    public static IReadOnlyList<string> AllEvtxFiles() => [.. EvtxFiles(AttackSamples), .. EvtxFiles(RegressionData)];

    /// <summary>The test project's source folder, as the build recorded it (AssemblyMetadata SourceDirectory).</summary>
    public static string? SourceDirectory =>
        typeof(SharedData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "evtx", "attack-samples")))
                    return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The shared test data (shared/evtx/attack-samples beside the repository) was not found above {AppContext.BaseDirectory}.");
    }
}
