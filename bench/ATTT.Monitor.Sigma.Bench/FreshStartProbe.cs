using System.Diagnostics;
using System.Globalization;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>
/// One load from a filled compiled-rule cache in a fresh process (what `attt scan` and `attt serve`
/// pay on start: nothing is compiled by the JIT yet), then one event evaluated. Prints one line of
/// figures for <see cref="StartBenchmark"/>, which starts this as a child process.
/// </summary>
internal static class FreshStartProbe
{
    public const string Command = "start-once";

    public static int Run(string cache, BenchOptions options)
    {
        var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        var runtimeCpu = process.TotalProcessorTime;
        var file = Directory.EnumerateFiles(options.Input, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var first = EvtxFile.ReadEvents(file, null, _ => { }).First();

        process.Refresh();
        var beforeLoadCpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var set = SigmaRuleSet.Load(options.Rules, new SigmaLoadOptions { CacheDirectory = cache });
        var load = clock.Elapsed;
        process.Refresh();
        var loadCpu = process.TotalProcessorTime - beforeLoadCpu;
        set.CreateEngine().Evaluate(first);
        var toFirst = clock.Elapsed;
        process.Refresh();
        var evaluateCpu = process.TotalProcessorTime - beforeLoadCpu - loadCpu;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set.Cache.Outcome} {runtimeCpu.TotalMilliseconds:F0} {sinceStart.TotalMilliseconds:F0} {load.TotalMilliseconds:F0} {loadCpu.TotalMilliseconds:F0} " +
            $"{(toFirst - load).TotalMilliseconds:F0} {evaluateCpu.TotalMilliseconds:F0} {set.Rules.Count}"));
        return set.Cache.Outcome == SigmaCacheOutcome.Hit ? 0 : 1;
    }
}
