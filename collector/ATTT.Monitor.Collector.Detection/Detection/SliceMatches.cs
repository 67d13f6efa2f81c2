namespace ATTT.Monitor.Collector.Detection;

/// <summary>The matches, or the error, of each event of a slice; reused from slice to slice.</summary>
public sealed class SliceMatches
{
    private List<RuleMatch>[] _matches = [];
    private Exception?[] _errors = [];

    public int Count { get; private set; }

    /// <summary>Empties the lists for a slice of <paramref name="count"/> events.</summary>
    public void Reset(int count)
    {
        if (_matches.Length < count)
        {
            var grown = new List<RuleMatch>[Math.Max(count, _matches.Length * 2)];
            Array.Copy(_matches, grown, _matches.Length);
            for (var i = _matches.Length; i < grown.Length; i++)
                grown[i] = [];
            _matches = grown;
            _errors = new Exception?[grown.Length];
        }

        for (var i = 0; i < count; i++)
        {
            _matches[i].Clear();
            _errors[i] = null;
        }

        Count = count;
    }

    public List<RuleMatch> MatchesOf(int index) => _matches[index];

    public Exception? ErrorOf(int index) => _errors[index];

    /// <summary>Marks an event as failed: its matches so far are dropped.</summary>
    public void Fail(int index, Exception error)
    {
        _matches[index].Clear();
        _errors[index] = error;
    }
}
