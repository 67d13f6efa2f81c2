using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// <see cref="IDetector"/> on the Sigma engine, in two passes over a slice. First the per-event
/// rules, which keep no state between events, on every worker at once (one engine each, events
/// dealt out in turn). Then, on one thread and in id order, the correlation rules are fed with those
/// detections, so correlation state sees exactly the stream order a single thread would. Drill
/// events get correlation state of their own, so a drill can never complete a correlation of real
/// events (or the other way round). Correlation groups are scoped by the stored event's unit, so two
/// communes' PCs of the same name never share a counter. The state is saved with the checkpoint and
/// restored after a restart or a rule reload (<see cref="SaveState"/>, <see cref="RestoreState"/>).
/// </summary>
internal sealed class SigmaDetector : IDetector
{
    /// <summary>Below this many events per worker, the cost of starting workers outweighs the gain.</summary>
    private const int MinEventsPerWorker = 32;

    private readonly SigmaEngine[] _engines;
    private readonly SigmaCorrelationEngine _real;
    private readonly SigmaCorrelationEngine _drill;
    private readonly Dictionary<SigmaRuleInfo, RuleMatch> _matches = [];
    private List<SigmaDetection>[] _detections = [];
    private bool _stateChanged;

    public SigmaDetector(SigmaRuleSet rules, SigmaLoadOptions options, int workers)
    {
        _engines = new SigmaEngine[Math.Max(1, workers)];
        for (var i = 0; i < _engines.Length; i++)
            _engines[i] = rules.CreateEngine();
        _real = rules.CreateCorrelationEngine(options);
        _drill = rules.CreateCorrelationEngine(options);
    }

    /// <summary>The correlation engines, in a fixed order, for <see cref="CatalogDetector.TakeStateFrom"/> to carry their state over a reload.</summary>
    internal IReadOnlyList<SigmaCorrelationEngine> CorrelationEngines => [_real, _drill];

    public void Evaluate(IReadOnlyList<StoredEvent> events, SliceMatches output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        output.Reset(events.Count);
        Prepare(events.Count);
        var workers = Math.Clamp(events.Count / MinEventsPerWorker, 1, _engines.Length);
        if (workers == 1)
            MatchEvents(0, 1, events, output);
        else
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w => MatchEvents(w, workers, events, output));

        for (var i = 0; i < events.Count; i++)
        {
            if (output.ErrorOf(i) is not null)
                continue;
            try
            {
                Correlate(events[i], _detections[i], output.MatchesOf(i));
            }
            catch (Exception ex)
            {
                output.Fail(i, ex);
            }
        }
    }

    /// <summary>Worker <paramref name="worker"/> of <paramref name="workers"/>: events worker, worker + workers, ...</summary>
    private void MatchEvents(int worker, int workers, IReadOnlyList<StoredEvent> events, SliceMatches output)
    {
        var engine = _engines[worker];
        for (var i = worker; i < events.Count; i += workers)
        {
            try
            {
                engine.Evaluate(events[i].Event, _detections[i]);
            }
            catch (Exception ex)
            {
                // One bad event or rule must not stop the others.
                _detections[i].Clear();
                output.Fail(i, ex);
            }
        }
    }

    private void Correlate(StoredEvent storedEvent, List<SigmaDetection> detections, List<RuleMatch> output)
    {
        var correlation = storedEvent.IsDrill ? _drill : _real;
        foreach (var detection in detections)
        {
            if (detection.Rule.GeneratesAlerts)
                output.Add(Match(detection.Rule));
            if (!correlation.IsReferenced(detection.Rule))
                continue;
            _stateChanged = true;
            foreach (var fired in correlation.Process(detection, storedEvent.Unit))
            {
                if (fired.Rule.GeneratesAlerts)
                    output.Add(Match(fired.Rule));
            }
        }
    }

    public bool StateChanged => _stateChanged;

    public DetectorState SaveState()
    {
        _stateChanged = false;
        return new DetectorState(Save(_real), Save(_drill));
    }

    public void RestoreState(DetectorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            Restore(_real, state.Real);
            Restore(_drill, state.Drill);
        }
        catch (SigmaStateException ex)
        {
            throw new DetectorStateException($"the saved correlation state cannot be restored, its correlations start empty: {ex.Message}", ex);
        }

        _stateChanged = false;
    }

    private static byte[] Save(SigmaCorrelationEngine engine)
    {
        using var buffer = new MemoryStream();
        engine.SaveState(buffer);
        return buffer.ToArray();
    }

    private static void Restore(SigmaCorrelationEngine engine, byte[] saved)
    {
        using var stream = new MemoryStream(saved, writable: false);
        engine.RestoreState(stream);
    }

    private void Prepare(int count)
    {
        if (_detections.Length < count)
        {
            var grown = new List<SigmaDetection>[Math.Max(count, _detections.Length * 2)];
            Array.Copy(_detections, grown, _detections.Length);
            for (var i = _detections.Length; i < grown.Length; i++)
                grown[i] = [];
            _detections = grown;
        }

        for (var i = 0; i < count; i++)
            _detections[i].Clear();
    }

    private RuleMatch Match(SigmaRuleInfo rule)
    {
        if (!_matches.TryGetValue(rule, out var match))
        {
            var guidance = RuleGuidance.From(rule.CustomAttributes);
            _matches[rule] = match = new RuleMatch(rule.Id, rule.Title, rule.LevelName, rule.Tags, rule.Description)
            {
                IsProductRule = guidance is not null || string.Equals(rule.Author, RuleGuidance.ProductAuthor, StringComparison.Ordinal),
                Guidance = guidance,
                Related = [.. rule.Related.Select(r => r.Id)],
            };
        }

        return match;
    }
}
