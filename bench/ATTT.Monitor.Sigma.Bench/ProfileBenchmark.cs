using System.Diagnostics;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Sigma.Matching;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>
/// Where evaluation time goes: the literal prefilter's scans alone against full evaluation (CPU
/// time of a few passes each), and which fields the prefilter scans most (characters scanned per
/// event, literals in the field's automaton).
/// </summary>
internal static class ProfileBenchmark
{
    private static readonly Routing.LiteralAutomaton.MatchHandler<int> Count = static (ref int n, int _) => n++;

    public static int Run(BenchOptions options)
    {
        var rules = SigmaRuleSet.Load(options.Rules);
        var events = new List<EventRecord>();
        foreach (var file in Directory.EnumerateFiles(options.Input, "*.evtx", SearchOption.AllDirectories))
        {
            try
            {
                events.AddRange(EvtxFile.ReadEvents(file));
            }
            catch (EvtxFormatException)
            {
                // Same files as eval skips; a damaged sample only shrinks the corpus.
            }
        }

        var context = new EvaluationContext(rules.Fields);
        var perField = new Dictionary<string, (long Chars, int Literals, long Hits)>();
        foreach (var e in events)
        {
            var bucket = rules.Router.Find(e.Channel, e.EventId);
            context.Reset(e);
            foreach (var (fieldId, automaton) in bucket.Scans)
            {
                var name = fieldId == KeywordNode.AllValuesField ? "(keywords: every value)" : rules.Fields.NameOf(fieldId);
                long chars = 0;
                var hits = 0;
                foreach (var value in Values(context, e, fieldId))
                {
                    chars += value.Length;
                    automaton.Scan(value, ref hits, Count);
                }

                var old = perField.GetValueOrDefault(name);
                perField[name] = (old.Chars + chars, Math.Max(old.Literals, automaton.LiteralCount), old.Hits + hits);
            }
        }

        Console.WriteLine("field\tchars scanned per event\tliterals (largest automaton)\tliteral hits per event");
        foreach (var (name, f) in perField.OrderByDescending(kv => kv.Value.Chars).Take(15))
            Console.WriteLine($"{name}\t{f.Chars / (double)events.Count:F1}\t{f.Literals}\t{f.Hits / (double)events.Count:F2}");

        var passes = Math.Max(1, (int)options.Seconds);
        var engine = rules.CreateEngine();
        var output = new List<SigmaDetection>();
        var full = CpuSeconds(passes, () =>
        {
            foreach (var e in events) { output.Clear(); engine.Evaluate(e, output); }
        });
        var scansOnly = CpuSeconds(passes, () =>
        {
            var hits = 0;
            foreach (var e in events)
            {
                var bucket = rules.Router.Find(e.Channel, e.EventId);
                context.Reset(e);
                foreach (var (fieldId, automaton) in bucket.Scans)
                {
                    foreach (var value in Values(context, e, fieldId)) automaton.Scan(value, ref hits, Count);
                }
            }
        });
        Console.WriteLine($"full evaluation: {events.Count * passes / full:N0} events per CPU second; prefilter scans alone (with field lookups): " +
            $"{events.Count * passes / scansOnly:N0} events per CPU second = {scansOnly / full:P0} of the time");
        return 0;
    }

    private static IEnumerable<string> Values(EvaluationContext context, EventRecord e, int fieldId)
    {
        if (fieldId == KeywordNode.AllValuesField)
        {
            foreach (var f in e.Fields)
            {
                if (f.Value is { } v) yield return v;
            }

            yield return e.Provider;
            yield return e.Channel;
            yield return e.Computer;
            if (e.UserId is { } u) yield return u;
        }
        else if (context.TryGet(fieldId, out var value) && !string.IsNullOrEmpty(value))
        {
            yield return value;
        }
    }

    // One untimed pass first, so tiered JIT has settled.
    private static double CpuSeconds(int passes, Action pass)
    {
        pass();
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < passes; i++) pass();
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
    }
}
