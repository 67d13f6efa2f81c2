namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Finds the repository and ../shared from the test's base directory.</summary>
internal static class TestPaths
{
    /// <summary>The first folder above the tests that holds ATTT.Monitor.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ATTT.Monitor.sln")))
                return dir.FullName;
        }

        // Built with --artifacts-path outside the tree: fall back to the source file's location.
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "..", ".."));
    }

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
