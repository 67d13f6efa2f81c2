namespace ATTT.Monitor.Sigma;

/// <summary>How a load used the compiled-rule cache.</summary>
public enum SigmaCacheOutcome
{
    /// <summary>No cache folder was given.</summary>
    NotUsed,

    /// <summary>The cached compiled set matched the rule files, mapping, options and engine, and was used as is.</summary>
    Hit,

    /// <summary>Something changed: the set was compiled again, reusing the parsed form of every unchanged file, and stored.</summary>
    Rebuilt,

    /// <summary>There was no usable cache entry: everything was parsed and compiled, and stored.</summary>
    Created,
}

/// <summary>
/// What the cache did for one load: the outcome, the cache file, how many rule files had to be
/// parsed (the others came from the cache), and warnings (a damaged cache file ignored, a cache
/// that could not be written). A warning never fails the load.
/// </summary>
public sealed record SigmaCacheReport(SigmaCacheOutcome Outcome, string? File, int FilesParsed, IReadOnlyList<string> Warnings)
{
    public static readonly SigmaCacheReport NotUsed = new(SigmaCacheOutcome.NotUsed, null, 0, []);
}
