using System.Diagnostics;
using System.Globalization;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>
/// Time to a rule set ready to evaluate, in this process: without the compiled-rule cache (cold),
/// filling an empty cache, from the cache (warm), and from the cache with the channel filter of the
/// input's channels. Each warm figure is the best of several loads; wall clock and CPU time, with
/// where the time went (read and parse, compile, index, cache read and write). Then the figure a
/// command pays on start: one load from the cache in each of several fresh processes
/// (<see cref="FreshStartProbe"/>), where no code has been compiled by the JIT yet.
/// </summary>
internal static class StartBenchmark
{
    public static int Run(BenchOptions options)
    {
        var cache = Directory.CreateTempSubdirectory("attt-sigma-start-").FullName;
        try
        {
            var cold = Measure(() => SigmaRuleSet.Load(options.Rules));
            Report("cold (no cache), first load in the process", cold);
            Report("cold (no cache), again", Measure(() => SigmaRuleSet.Load(options.Rules)));
            Report("filling the cache", Measure(() => SigmaRuleSet.Load(options.Rules, new SigmaLoadOptions { CacheDirectory = cache })));
            var warm = Enumerable.Range(0, Math.Max(3, (int)options.Seconds))
                .Select(_ => Measure(() => SigmaRuleSet.Load(options.Rules, new SigmaLoadOptions { CacheDirectory = cache })))
                .MinBy(m => m.Cpu)!;
            Report("warm (from the cache), best", warm);
            var channels = InputChannels(options.Input);
            var filtered = Enumerable.Range(0, Math.Max(3, (int)options.Seconds))
                .Select(_ => Measure(() => SigmaRuleSet.Load(options.Rules, new SigmaLoadOptions { CacheDirectory = cache, Channels = channels })))
                .MinBy(m => m.Cpu)!;
            Report($"warm with the channel filter of the input ({channels.Count} channels), best", filtered);
            FreshStarts(cache, options);
            var file = new FileInfo(warm.Set.Cache.File!);
            Console.WriteLine($"cache: {file.Length / 1048576.0:F1} MB compiled, {new FileInfo(Path.ChangeExtension(file.FullName, ".parsed")).Length / 1048576.0:F1} MB parsed files");
            return 0;
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static void FreshStarts(string cache, BenchOptions options)
    {
        var runs = new List<double[]>();
        for (var i = 0; i < Math.Max(5, (int)options.Seconds); i++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            foreach (var a in ChildArguments(cache, options)) start.ArgumentList.Add(a);
            using var child = Process.Start(start)!;
            var line = child.StandardOutput.ReadToEnd().Trim();
            child.WaitForExit();
            var parts = line.Split(' ');
            if (child.ExitCode != 0 || parts.Length != 8 || parts[0] != nameof(SigmaCacheOutcome.Hit))
                throw new InvalidOperationException($"the fresh-process load did not read the cache (exit {child.ExitCode}): {line}");
            runs.Add([.. parts[1..].Select(p => double.Parse(p, CultureInfo.InvariantCulture))]);
        }

        double Median(int column) => runs.Select(r => r[column]).Order().ElementAt(runs.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm in a fresh process, median of {runs.Count}: runtime start {Median(1):F0} ms wall, {Median(0):F0} ms CPU; " +
            $"load from the cache {Median(2):F0} ms wall, {Median(3):F0} ms CPU; first event evaluated {Median(4):F0} ms wall, {Median(5):F0} ms CPU later; {Median(6):F0} rules"));
    }

    private static IEnumerable<string> ChildArguments(string cache, BenchOptions options)
    {
        // Under `dotnet X.dll` the process is dotnet and the first argument the program's dll.
        var entry = Environment.GetCommandLineArgs()[0];
        if (entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) yield return entry;
        yield return FreshStartProbe.Command;
        yield return cache;
        foreach (var r in options.Rules)
        {
            yield return "--rules";
            yield return r;
        }

        yield return "--input";
        yield return options.Input;
    }

    private sealed record Measurement(SigmaRuleSet Set, TimeSpan Wall, TimeSpan Cpu);

    private static Measurement Measure(Func<SigmaRuleSet> load)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var set = load();
        clock.Stop();
        process.Refresh();
        return new Measurement(set, clock.Elapsed, process.TotalProcessorTime - cpu);
    }

    private static void Report(string what, Measurement m) =>
        Console.WriteLine($"{what}: {m.Wall.TotalMilliseconds:F0} ms wall, {m.Cpu.TotalMilliseconds:F0} ms CPU; {m.Set.Rules.Count} rules, " +
            $"{m.Set.Correlations.Count} correlations, {m.Set.Diagnostics.Count} not loaded, {m.Set.ExcludedCount} left out; " +
            $"cache {m.Set.Cache.Outcome}; {m.Set.Timings}");

    private static List<string> InputChannels(string input)
    {
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(input, "*.evtx", SearchOption.AllDirectories))
        {
            try
            {
                foreach (var e in EvtxFile.ReadEvents(file, null, _ => { })) channels.Add(e.Channel);
            }
            catch (EvtxFormatException)
            {
                // The channels of the events read before the damage count.
            }
        }

        return [.. channels];
    }
}
