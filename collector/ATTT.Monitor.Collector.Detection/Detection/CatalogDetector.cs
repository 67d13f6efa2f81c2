using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// The detector of the rule sets in service: the product's pack and, when one is installed, the
/// installed pack, each a <see cref="SigmaDetector"/> with correlation state of its own (a Sigma
/// correlation refers only to rules of its own pack). Matches of a rule whose level is tuned for the
/// event's unit carry the tuned level. A detector made for a reloaded catalog takes over the
/// correlation state of the one before it (<see cref="TakeStateFrom"/>), so a reload does not forget
/// a brute force half counted.
/// </summary>
internal sealed class CatalogDetector : IDetector
{
    private readonly SigmaDetector[] _sets;
    private readonly Dictionary<string, List<LevelTuning>> _levels;
    private readonly SliceMatches _scratch = new();

    public CatalogDetector(IReadOnlyList<SigmaDetector> sets, RuleTuning tuning)
    {
        _sets = [.. sets];
        _levels = tuning.Levels.GroupBy(l => l.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Tuning = tuning;
    }

    public RuleTuning Tuning { get; }

    public void Evaluate(IReadOnlyList<StoredEvent> events, SliceMatches output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        if (_sets.Length == 0)
        {
            output.Reset(events.Count);
            return;
        }

        _sets[0].Evaluate(events, output);
        for (var s = 1; s < _sets.Length; s++)
        {
            _sets[s].Evaluate(events, _scratch);
            for (var i = 0; i < events.Count; i++)
            {
                if (output.ErrorOf(i) is not null)
                    continue;
                if (_scratch.ErrorOf(i) is { } error)
                    output.Fail(i, error);
                else
                    output.MatchesOf(i).AddRange(_scratch.MatchesOf(i));
            }
        }

        if (_levels.Count > 0)
            ApplyLevels(events, output);
    }

    public bool StateChanged => _sets.Any(s => s.StateChanged);

    /// <summary>
    /// Every rule set's state in one <see cref="DetectorState"/>: per engine (real, drill) the sets'
    /// states in order (product, then pack), each with its length, so a restart restores each set's own.
    /// </summary>
    public DetectorState SaveState()
    {
        var states = _sets.Select(s => s.SaveState()).ToList();
        return new DetectorState(Pack(states.Select(s => s.Real)), Pack(states.Select(s => s.Drill)));
    }

    public void RestoreState(DetectorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var real = Unpack(state.Real);
        var drill = Unpack(state.Drill);
        if (real.Count != _sets.Length || drill.Count != _sets.Length)
            throw new DetectorStateException($"the saved correlation state holds {real.Count} rule sets, {_sets.Length} are loaded now; its correlations start empty");
        for (var s = 0; s < _sets.Length; s++)
            _sets[s].RestoreState(new DetectorState(real[s], drill[s]));
    }

    private static byte[] Pack(IEnumerable<byte[]> parts)
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        var list = parts.ToList();
        writer.Write(list.Count);
        foreach (var part in list)
        {
            writer.Write(part.Length);
            writer.Write(part);
        }

        writer.Flush();
        return buffer.ToArray();
    }

    private static List<byte[]> Unpack(byte[] packed)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(packed));
            var count = reader.ReadInt32();
            if (count is < 0 or > 16)
                throw new DetectorStateException($"the saved correlation state names {count} rule sets; its correlations start empty");
            var parts = new List<byte[]>(count);
            for (var i = 0; i < count; i++)
            {
                var length = reader.ReadInt32();
                if (length < 0 || length > packed.Length)
                    throw new DetectorStateException("the saved correlation state is damaged; its correlations start empty");
                parts.Add(reader.ReadBytes(length));
            }

            return parts;
        }
        catch (EndOfStreamException ex)
        {
            throw new DetectorStateException("the saved correlation state is cut short; its correlations start empty", ex);
        }
    }

    /// <summary>
    /// Moves the correlation state of <paramref name="previous"/> (same order of sets: product, then
    /// pack) into this detector through the engine's own save and restore. Returns the correlations
    /// restored; a state that cannot be read starts empty (the engine says where it is damaged).
    /// </summary>
    public int TakeStateFrom(CatalogDetector previous, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var restored = 0;
        for (var s = 0; s < Math.Min(_sets.Length, previous._sets.Length); s++)
        {
            var from = previous._sets[s].CorrelationEngines;
            var to = _sets[s].CorrelationEngines;
            for (var e = 0; e < Math.Min(from.Count, to.Count); e++)
            {
                using var buffer = new MemoryStream();
                from[e].SaveState(buffer);
                buffer.Position = 0;
                try
                {
                    restored += to[e].RestoreState(buffer);
                }
                catch (SigmaStateException ex)
                {
                    logger.LogWarning(ex, "Correlation state not carried over to the reloaded rules");
                }
            }
        }

        return restored;
    }

    private void ApplyLevels(IReadOnlyList<StoredEvent> events, SliceMatches output)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var matches = output.MatchesOf(i);
            for (var m = 0; m < matches.Count; m++)
            {
                if (!_levels.TryGetValue(matches[m].RuleId, out var tunings))
                    continue;
                var level = LevelFor(tunings, events[i].Unit);
                if (level is not null && !string.Equals(level, matches[m].Level, StringComparison.Ordinal))
                    matches[m] = matches[m] with { Level = level };
            }
        }
    }

    private static string? LevelFor(List<LevelTuning> tunings, string unit)
    {
        string? all = null;
        foreach (var t in tunings)
        {
            if (string.Equals(t.Unit, unit, StringComparison.Ordinal))
                return t.Level;
            if (t.Unit == LevelTuning.UnitClaimsAll)
                all = t.Level;
        }

        return all;
    }
}
