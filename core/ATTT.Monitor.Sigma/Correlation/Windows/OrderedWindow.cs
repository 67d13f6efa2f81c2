namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>
/// temporal_ordered: for each step of the rule list, the start time of the latest chain that has
/// reached it in order (the latest start leaves the chain the most time to complete). The measure is how many steps are reached (all of them completes the chain).
/// </summary>
internal sealed class OrderedWindow(IReadOnlyList<SigmaRuleInfo> rules) : GroupWindow
{
    private readonly DateTimeOffset?[] _stageStart = new DateTimeOffset?[rules.Count];

    public override bool Add(in WindowInput input)
    {
        // Highest position first, so one event never advances two steps of the same chain.
        var stages = _stageStart;
        for (var j = rules.Count - 1; j >= 0; j--)
        {
            if (!ReferenceEquals(rules[j], input.Rule)) continue;
            if (j == 0) stages[0] = input.Time;
            else if (stages[j - 1] is { } start) stages[j] = start;
        }

        return true;
    }

    public override void Prune(DateTimeOffset horizon)
    {
        for (var i = 0; i < _stageStart.Length; i++)
        {
            if (_stageStart[i] < horizon) _stageStart[i] = null;
        }
    }

    public override double Measure
    {
        get
        {
            var reached = 0;
            while (reached < _stageStart.Length && _stageStart[reached] is not null) reached++;
            return _stageStart.Length > 0 && _stageStart[^1] is not null ? _stageStart.Length : reached;
        }
    }

    public override long Items => (long)Measure;
    public override void Clear() => Array.Clear(_stageStart);

    public override void Save(StateWriter writer) => writer.OptionalTimes("stages", _stageStart);

    public override void Load(StateReader reader)
    {
        var stages = reader.OptionalTimes("stages");
        if (stages.Length == _stageStart.Length) stages.CopyTo(_stageStart, 0);
    }
}
