using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// <see cref="IDetector"/> on the Sigma engine: per-event rules, then correlation rules fed with the
/// detections in stream order. Drill events get correlation state of their own, so a drill can never
/// complete a correlation of real events (or the other way round).
/// </summary>
internal sealed class SigmaDetector : IDetector
{
    private readonly SigmaEngine _engine;
    private readonly SigmaCorrelationEngine _real;
    private readonly SigmaCorrelationEngine _drill;
    private readonly List<SigmaDetection> _detections = [];
    private readonly Dictionary<SigmaRuleInfo, RuleMatch> _matches = [];

    public SigmaDetector(SigmaRuleSet rules, SigmaLoadOptions options)
    {
        _engine = rules.CreateEngine();
        _real = rules.CreateCorrelationEngine(options);
        _drill = rules.CreateCorrelationEngine(options);
    }

    public void Evaluate(StoredEvent storedEvent, List<RuleMatch> output)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        ArgumentNullException.ThrowIfNull(output);
        _detections.Clear();
        _engine.Evaluate(storedEvent.Event, _detections);
        var correlation = storedEvent.IsDrill ? _drill : _real;
        foreach (var detection in _detections)
        {
            if (detection.Rule.GeneratesAlerts)
                output.Add(Match(detection.Rule));
            if (!correlation.IsReferenced(detection.Rule))
                continue;
            foreach (var fired in correlation.Process(detection))
            {
                if (fired.Rule.GeneratesAlerts)
                    output.Add(Match(fired.Rule));
            }
        }
    }

    private RuleMatch Match(SigmaRuleInfo rule)
    {
        if (!_matches.TryGetValue(rule, out var match))
            _matches[rule] = match = new RuleMatch(rule.Id, rule.Title, rule.LevelName, rule.Tags, rule.Description);
        return match;
    }
}
