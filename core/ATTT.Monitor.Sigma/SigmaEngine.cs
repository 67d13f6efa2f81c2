using ATTT.Monitor.Events;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma;

/// <summary>
/// Evaluates events against a <see cref="SigmaRuleSet"/>. Holds per-thread scratch state: create
/// one per thread (cheap), never share one between threads.
/// </summary>
public sealed class SigmaEngine
{
    private readonly SigmaRuleSet _rules;
    private readonly EvaluationContext _context;
    // Per bucket, made when the first event of that bucket arrives (buckets read from the cache are decoded then too).
    private readonly BucketScratch?[] _scratch;
    private readonly List<int> _matched = [];

    internal SigmaEngine(SigmaRuleSet rules)
    {
        _rules = rules;
        _context = new EvaluationContext(rules.Fields);
        _scratch = new BucketScratch?[rules.Router.BucketCount];
    }

    /// <summary>Rule variants fully evaluated so far (the prefilter let them through); for benchmarks.</summary>
    internal long RulesEvaluated => _scratch.Sum(s => s?.Evaluated ?? 0);

    /// <summary>The detections of one event (a new list; see the other overload to reuse one).</summary>
    public IReadOnlyList<SigmaDetection> Evaluate(EventRecord e)
    {
        var output = new List<SigmaDetection>();
        Evaluate(e, output);
        return output;
    }

    /// <summary>Appends the detections of one event to <paramref name="output"/>; returns how many.</summary>
    public int Evaluate(EventRecord e, List<SigmaDetection> output)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Evaluate(e, e.Channel, e.EventId, e.TimeCreated, output);
    }

    /// <summary>For events that are not <see cref="EventRecord"/>s: routing uses the given channel and EventID.</summary>
    public int Evaluate(IFieldLookup e, string channel, int eventId, DateTimeOffset timestamp, List<SigmaDetection> output)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(output);
        var bucket = _rules.Router.Find(channel, eventId);
        if (bucket.Count == 0) return 0;
        _context.Reset(e);
        _matched.Clear();
        bucket.Evaluate(_context, _scratch[bucket.Id] ??= bucket.CreateScratch(), _matched);
        if (_matched.Count == 0) return 0;
        _matched.Sort();
        var last = -1;
        var added = 0;
        foreach (var index in _matched)
        {
            if (index == last) continue;
            last = index;
            output.Add(new SigmaDetection(_rules.Rules[index], e, timestamp));
            added++;
        }

        return added;
    }
}
