namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>
/// The read-only test data in ../shared, found by walking up from the test's folder to the first
/// folder holding <c>shared/CONTRACT.md</c> (then from this source file's folder, for builds with
/// <c>--artifacts-path</c> outside the work tree). Never copied into the repository.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string EvtxSamples => System.IO.Path.Combine(Path, "evtx");

    public static string SigmaRegressionData => System.IO.Path.Combine(Path, "sigma", "regression_data");

    private static string Find() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(SourceFolder()) ??
        throw new DirectoryNotFoundException($"No shared/CONTRACT.md above {AppContext.BaseDirectory} or {SourceFolder()}.");

    private static string? FindAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (File.Exists(System.IO.Path.Combine(candidate, "CONTRACT.md")))
                return candidate;
        }

        return null;
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetDirectoryName(path) ?? "/";
}
