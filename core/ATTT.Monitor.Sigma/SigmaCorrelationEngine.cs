using ATTT.Monitor.Sigma.Correlation;

namespace ATTT.Monitor.Sigma;

/// <summary>
/// Evaluates correlation rules over detections fed in time order (the stream time is the latest
/// timestamp seen). Conditions that only bound a count (or sum) from below (gt, gte) are decided as
/// soon as they hold, over a window sliding back one timespan; every other condition (lt, lte, eq,
/// neq, ranges with an upper bound, value_avg, value_percentile) is decided when the group's window
/// closes: a window opens with the group's first detection and closes one timespan later, when the
/// stream time passes its end (<see cref="Process"/>, <see cref="AdvanceTo"/>) or at
/// <see cref="Flush"/>. A correlation fires once per window and then starts again.
/// <para>
/// State is bounded: per group only what the condition needs, at most <c>MaxCorrelationGroups</c>
/// groups per correlation (the least recently seen are dropped first). A caller may give each
/// detection a scope (the collector's unit) that separates groups with equal group-by values, and
/// may save the state (<see cref="SaveState"/>) and restore it into the engine of a reloaded rule
/// set (<see cref="RestoreState"/>). Not thread-safe: one per stream.
/// </para>
/// </summary>
public sealed class SigmaCorrelationEngine
{
    private readonly Dictionary<SigmaRuleInfo, List<CorrelationState>> _byRule = [];
    private readonly List<CorrelationState> _states = [];
    private DateTimeOffset? _streamTime;

    internal SigmaCorrelationEngine(IReadOnlyList<CorrelationDefinition> definitions, int maxGroups)
    {
        foreach (var d in definitions)
        {
            var state = new CorrelationState(d, maxGroups);
            _states.Add(state);
            foreach (var r in d.Rules.Distinct())
            {
                if (!_byRule.TryGetValue(r, out var list)) _byRule[r] = list = [];
                list.Add(state);
            }
        }
    }

    internal IReadOnlyList<CorrelationState> States => _states;

    /// <summary>Groups held in memory over all correlations (bounded by MaxCorrelationGroups each).</summary>
    public int TrackedGroups => _states.Sum(s => s.GroupCount);

    /// <summary>The latest detection time fed (or advanced to), or null before the first.</summary>
    public DateTimeOffset? StreamTime => _streamTime;

    /// <summary>
    /// Detections a correlation could not use: its value field was missing or empty, or (value_sum,
    /// value_avg, value_percentile with a percentile) not a number. They are left out, never guessed.
    /// </summary>
    public long UnusableDetections => _states.Sum(s => s.Unusable);

    /// <summary>True when some correlation uses the detections of <paramref name="rule"/>.</summary>
    public bool IsReferenced(SigmaRuleInfo rule) => _byRule.ContainsKey(rule);

    /// <summary>
    /// Feeds one detection; returns the correlation detections it completes (chained ones included),
    /// with those of windows that its time closed.
    /// </summary>
    /// <param name="scope">Separates groups beyond the rule's group-by (the collector passes the unit); null for none.</param>
    public IReadOnlyList<SigmaDetection> Process(SigmaDetection detection, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(detection);
        var output = new List<SigmaDetection>();
        Advance(detection.Timestamp, output);
        Feed(detection, scope, output);
        return output;
    }

    /// <summary>Moves the stream time to <paramref name="time"/> (if later) and returns what the windows it closes decide.</summary>
    public IReadOnlyList<SigmaDetection> AdvanceTo(DateTimeOffset time)
    {
        var output = new List<SigmaDetection>();
        Advance(time, output);
        return output;
    }

    /// <summary>Closes every open window as if the stream had ended (an offline scan's last step).</summary>
    public IReadOnlyList<SigmaDetection> Flush()
    {
        var output = new List<SigmaDetection>();
        // A closing window can feed a chained correlation whose own window then needs closing too.
        for (var round = 0; round <= _states.Count; round++)
        {
            var closed = new List<SigmaDetection>();
            foreach (var s in _states) s.Close(null, closed);
            if (closed.Count == 0) break;
            output.AddRange(closed);
            foreach (var d in closed) Feed(d, d.Scope, output);
        }

        return output;
    }

    /// <summary>Writes the state of every correlation (JSON, UTF-8) to <paramref name="stream"/>.</summary>
    public void SaveState(Stream stream) => CorrelationStateFile.Save(stream, this);

    /// <summary>
    /// Replaces this engine's state with saved state. Correlations are matched by rule id; one whose
    /// definition changed since the save (type, rules, group-by, timespan, condition, fields, aliases)
    /// starts empty, as does one not in the saved state. Returns how many correlations were restored.
    /// </summary>
    /// <exception cref="SigmaStateException">The saved state is damaged or not correlation state; this engine is left empty.</exception>
    public int RestoreState(Stream stream) => CorrelationStateFile.Restore(stream, this);

    internal void SetStreamTime(DateTimeOffset? time) => _streamTime = time;

    internal void ClearState()
    {
        foreach (var s in _states) s.Reset();
        _streamTime = null;
    }

    private void Advance(DateTimeOffset time, List<SigmaDetection> output)
    {
        if (_streamTime is { } now && time <= now) return;
        _streamTime = time;
        var closed = new List<SigmaDetection>();
        foreach (var s in _states) s.Close(time, closed);
        output.AddRange(closed);
        foreach (var d in closed) Feed(d, d.Scope, output);
    }

    private void Feed(SigmaDetection detection, string? scope, List<SigmaDetection> output)
    {
        var pending = new Queue<SigmaDetection>();
        pending.Enqueue(detection);
        var fired = new List<SigmaDetection>();
        while (pending.Count > 0)
        {
            var d = pending.Dequeue();
            if (!_byRule.TryGetValue(d.Rule, out var states)) continue;
            foreach (var state in states)
            {
                fired.Clear();
                state.Add(d, scope, fired);
                foreach (var f in fired)
                {
                    output.Add(f);
                    pending.Enqueue(f);
                }
            }
        }
    }
}
