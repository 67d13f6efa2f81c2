namespace ATTT.Monitor.Events.Tests.Support;

/// <summary>The read-only ../shared/evtx attack samples, found by walking up from the binaries or the source folder.</summary>
internal static class SharedSamples
{
    private static readonly Lazy<string> Folder = new(Find);

    public static IReadOnlyList<string> AttackEvtxFiles()
    {
        var files = Directory.GetFiles(Folder.Value, "*.evtx", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string Find()
    {
        var source = typeof(SharedSamples).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "SourceDirectory")?.Value;
        foreach (var start in new[] { AppContext.BaseDirectory, source })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "evtx", "attack-samples");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }

        throw new DirectoryNotFoundException("../shared/evtx/attack-samples was not found above the test binaries or the test project");
    }
}
