using System.Diagnostics;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Evtx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>
/// Detection as <c>attt serve</c> does it, without ingest or storage: the events the load generator
/// posts (the attack samples, in its order, through the wire format and back, as the collector
/// receives them), in slices of the pipeline's size, through the collector's own detector
/// (<see cref="RuleCatalog"/> loading the rules the load generator gives the collector). Compared,
/// in the same process and on the same events, with the engine called directly as <c>eval</c> does,
/// so a gap between the two figures is the collector's wrapping, not the rules or the events.
/// </summary>
internal static class DetectorBenchmark
{
    private const int SliceSize = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var rules = args.Contains("--rules") ? options.Rules.ToList() : LoadGenRules(options.Input);
        var events = WireRoundTrip(LoadGenEvents(options.Input));
        Console.WriteLine($"rules: {string.Join(", ", rules)}");
        Console.WriteLine($"events: {events.Count} (the load generator's order, through the wire format)");

        var catalog = new RuleCatalog(Options.Create(new DetectionOptions { RulePaths = rules }), TimeProvider.System, NullLogger<RuleCatalog>.Instance);
        catalog.EnsureLoaded();
        var set = SigmaRuleSet.Load(rules);
        Console.WriteLine($"rules in service: {catalog.Status.Rules.Count}; engine alone: {set.LoadedCount} loaded");

        var stored = events.Select((e, i) => new StoredEvent(i + 1, "agent-" + (i / 500 % 50), "bench", false, DateTimeOffset.UtcNow, e)).ToList();
        var slices = stored.Chunk(SliceSize).Select(c => (IReadOnlyList<StoredEvent>)c).ToList();

        Measure("engine, 1 thread (as eval)", options.Seconds, events.Count, () =>
        {
            var engine = set.CreateEngine();
            var output = new List<SigmaDetection>();
            return () =>
            {
                var n = 0;
                foreach (var e in events) { output.Clear(); n += engine.Evaluate(e, output); }
                return n;
            };
        });
        foreach (var workers in new[] { 1, Environment.ProcessorCount })
        {
            Measure($"collector detector, {workers} worker(s)", options.Seconds, events.Count, () =>
            {
                var detector = new RuleCatalog(Options.Create(new DetectionOptions { RulePaths = rules, EvaluationWorkers = workers }),
                    TimeProvider.System, NullLogger<RuleCatalog>.Instance).CreateDetector();
                var matches = new SliceMatches();
                return () =>
                {
                    var n = 0;
                    foreach (var slice in slices)
                    {
                        detector.Evaluate(slice, matches);
                        for (var i = 0; i < slice.Count; i++) n += matches.MatchesOf(i).Count;
                    }

                    return n;
                };
            });
        }

        var passes = args.Contains("--passes") ? int.Parse(args[Array.IndexOf(args, "--passes") + 1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (passes > 0)
            await PipelineBenchmark.RunAsync(rules, slices, passes, 1).ConfigureAwait(false);
        return 0;
    }

    /// <summary>One warm-up pass, then passes for <paramref name="seconds"/>; prints events per CPU second of the process.</summary>
    private static void Measure(string what, double seconds, int eventsPerPass, Func<Func<int>> setup)
    {
        var pass = setup();
        var detections = pass();
        for (var i = 0; i < 2; i++) pass();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long evaluated = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            pass();
            evaluated += eventsPerPass;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"{what}: {detections} detections per pass; {evaluated / cpu:N0} events per CPU second ({evaluated / clock.Elapsed.TotalSeconds:N0}/s wall, {cpu:F1} s CPU)");
    }

    /// <summary>The load generator's default rules: the repository's rules/ and the SigmaHQ Windows rules.</summary>
    private static List<string> LoadGenRules(string input)
    {
        var shared = Path.GetFullPath(Path.Combine(input, "..", ".."));
        var repositoryRules = Path.Combine(Directory.GetCurrentDirectory(), "rules");
        if (!Directory.Exists(repositoryRules))
            throw new InvalidOperationException("Run from the repository root (rules/ not found), or pass --rules.");
        return [repositoryRules, Path.Combine(shared, "sigma", "rules", "windows")];
    }

    /// <summary>As the load generator reads them: files in ordinal order, at most 20,000 events.</summary>
    private static List<EventRecord> LoadGenEvents(string folder)
    {
        var events = new List<EventRecord>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                events.AddRange(EvtxFile.ReadEvents(file));
            }
            catch (EvtxFormatException)
            {
                // Not an EVTX file: the load generator skips it too.
            }
        }

        return events.Take(20_000).ToList();
    }

    private static List<EventRecord> WireRoundTrip(List<EventRecord> events)
    {
        // In batches of 500, as the load generator posts them.
        var received = new List<EventRecord>(events.Count);
        foreach (var batch in events.Chunk(500))
        {
            var json = EventWireWriter.SerializeBatch(new EventBatch("bench", 1, DateTimeOffset.UtcNow, 0, batch));
            received.AddRange(EventWireReader.ReadBatch(json).Events);
        }

        return received;
    }
}
