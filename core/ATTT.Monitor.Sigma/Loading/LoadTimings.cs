namespace ATTT.Monitor.Sigma.Loading;

/// <summary>Where a load's time went (read and parse, compile, index, cache), for the benchmark.</summary>
internal sealed class LoadTimings
{
    public TimeSpan Parse { get; set; }
    public TimeSpan Compile { get; set; }
    public TimeSpan Index { get; set; }
    public TimeSpan CacheRead { get; set; }
    public TimeSpan CacheWrite { get; set; }

    public override string ToString() =>
        $"parse {Parse.TotalMilliseconds:F0} ms, compile {Compile.TotalMilliseconds:F0} ms, index {Index.TotalMilliseconds:F0} ms, " +
        $"cache read {CacheRead.TotalMilliseconds:F0} ms, cache write {CacheWrite.TotalMilliseconds:F0} ms";
}
