namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>The read-only test data in ../shared (found by <see cref="RepositoryPaths"/>), never copied into the repository.</summary>
public static class SharedData
{
    public static string Path => RepositoryPaths.RequiredShared;

    public static string EvtxSamples => System.IO.Path.Combine(Path, "evtx");

    public static string SigmaRegressionData => System.IO.Path.Combine(Path, "sigma", "regression_data");
}
