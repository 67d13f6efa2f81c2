using System.Diagnostics;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>
/// Rule evaluation alone: all events of the corpus parsed into memory first, then evaluated
/// repeatedly for a fixed time on one thread, then on every core (one engine per thread).
/// </summary>
internal static class EvaluateBenchmark
{
    public static int Run(BenchOptions options)
    {
        var load = Stopwatch.StartNew();
        var rules = SigmaRuleSet.Load(options.Rules);
        load.Stop();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"rules: {rules.LoadedCount} loaded ({rules.Rules.Count} detection, {rules.Rules.Count - rules.UnroutedRules.Count} routed to Windows channels), " +
            $"{rules.Diagnostics.Count} not loaded, in {load.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"memory after load: {heap / 1048576.0:F0} MB managed heap, {rules.Router.Buckets.SelectMany(b => b.Automata).Distinct().Sum(a => a.TableBytes) / 1048576.0:F0} MB of prefilter tables " +
            $"in {rules.Router.Buckets.Count} buckets, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MB");

        var events = new List<EventRecord>();
        foreach (var file in Directory.EnumerateFiles(options.Input, "*.evtx", SearchOption.AllDirectories))
        {
            try
            {
                events.AddRange(EvtxFile.ReadEvents(file));
            }
            catch (EvtxFormatException ex)
            {
                Console.WriteLine($"skipped {file}: {ex.Message}");
            }
        }

        Console.WriteLine($"events: {events.Count} pre-parsed from {options.Input}");
        var detections = CountDetections(rules, events, options.Dump);
        Console.WriteLine($"detections per pass: {detections}");
        Console.WriteLine($"allocated per event: {AllocatedPerEvent(rules, events):F0} bytes (second pass, one thread; the detections themselves included)");

        foreach (var b in rules.Router.Buckets.OrderByDescending(b => b.AlwaysCount).Take(8))
            Console.WriteLine($"bucket {b.Id}: {b.Count} rules, {b.AlwaysCount} without a literal prefilter");

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var one = Measure(rules, events, 1, options.Seconds, out var evaluated);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine($"1 core: {one:N0} events/s wall clock; {evaluated / cpu:N0} events per CPU second (the machine may be shared)");
        var cores = Environment.ProcessorCount;
        var all = Measure(rules, events, cores, options.Seconds, out _);
        Console.WriteLine($"{cores} cores: {all:N0} events/s");
        return 0;
    }

    // With a dump file, writes "event index, rule id" per detection: diff two dumps to see exactly
    // which detections a change moved.
    private static int CountDetections(SigmaRuleSet rules, List<EventRecord> events, string? dump)
    {
        var engine = rules.CreateEngine();
        var output = new List<SigmaDetection>();
        using var writer = dump is null ? TextWriter.Null : new StreamWriter(dump);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events.Count; i++)
        {
            var before = output.Count;
            engine.Evaluate(events[i], output);
            for (var d = before; d < output.Count; d++) writer.WriteLine($"{i}\t{output[d].Rule.Id}\t{output[d].Rule.Title}");
        }

        Console.WriteLine($"first pass: {clock.Elapsed.TotalMilliseconds:F0} ms, {engine.RulesEvaluated / (double)events.Count:F1} rules evaluated per event after the prefilter");
        return output.Count;
    }

    // Allocation in evaluation is GC work (and memory) per event: this should stay near zero apart
    // from the detections returned.
    private static double AllocatedPerEvent(SigmaRuleSet rules, List<EventRecord> events)
    {
        var engine = rules.CreateEngine();
        var output = new List<SigmaDetection>();
        foreach (var e in events) { output.Clear(); engine.Evaluate(e, output); }
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var e in events) { output.Clear(); engine.Evaluate(e, output); }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)events.Count;
    }

    private static double Measure(SigmaRuleSet rules, List<EventRecord> events, int threads, double seconds, out long evaluated)
    {
        long count = 0;
        // Warm-up pass per thread so tiered JIT has settled before timing.
        long total = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            var engine = rules.CreateEngine();
            var output = new List<SigmaDetection>();
            foreach (var e in events) { output.Clear(); engine.Evaluate(e, output); }
            var start = clock.Elapsed;
            long done = 0;
            while ((clock.Elapsed - start).TotalSeconds < seconds)
            {
                // Threads start at different offsets so they do not walk the same events in step.
                for (var i = 0; i < events.Count; i++)
                {
                    output.Clear();
                    engine.Evaluate(events[(i + t * 997) % events.Count], output);
                }

                done += events.Count;
            }

            Interlocked.Add(ref count, done + events.Count);

            return done / (clock.Elapsed - start).TotalSeconds;
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(workers);
        foreach (var w in workers) total += (long)w.Result;
        evaluated = count;
        return total;
    }
}
