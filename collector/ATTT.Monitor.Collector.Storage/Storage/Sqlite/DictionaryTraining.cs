namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// When the embedded store trains a body dictionary and on what: a first one after
/// <see cref="FirstAfter"/> events (a new collector compresses well within minutes), a second after
/// <see cref="SecondAfter"/> more, on a uniform sample of all of them (reservoir sampling), so that a
/// dictionary learnt from the first PC to report does not serve the whole commune for good. The
/// first is trained on the first events alone (up to <see cref="Samples"/>, typically 4,000).
/// </summary>
internal sealed class DictionaryTraining(int firstAfter = DictionaryTraining.FirstAfter, int secondAfter = DictionaryTraining.SecondAfter)
{
    public const int FirstAfter = 4_000;
    public const int SecondAfter = 200_000;
    public const int Samples = 16_000;

    private readonly Lock _lock = new();
    private readonly List<byte[]> _reservoir = new(Samples);
    private readonly Random _random = new(20260);
    private long _seen;
    private long _due = -1;

    /// <summary>Starts counting for the next dictionary, given how many the store already has.</summary>
    public void Start(long dictionaries)
    {
        lock (_lock)
        {
            _due = dictionaries switch
            {
                0 => firstAfter,
                1 => secondAfter,
                _ => -1,
            };
            _seen = 0;
            _reservoir.Clear();
        }
    }

    /// <summary>Adds samples; true when a dictionary is due (call <see cref="TakeSamples"/>).</summary>
    public bool Offer(IReadOnlyList<byte[]> bodies)
    {
        lock (_lock)
        {
            if (_due < 0)
                return false;
            foreach (var body in bodies)
            {
                _seen++;
                if (_reservoir.Count < Samples)
                    _reservoir.Add(body);
                else if (_random.NextInt64(_seen) is var slot && slot < Samples)
                    _reservoir[(int)slot] = body;
            }

            return _seen >= _due;
        }
    }

    /// <summary>The samples for the dictionary now due (null when none is), and counting starts for the next.</summary>
    public List<byte[]>? TakeSamples()
    {
        lock (_lock)
        {
            if (_due < 0 || _seen < _due)
                return null;
            var samples = new List<byte[]>(_reservoir);
            var next = _due == firstAfter && secondAfter > 0 ? secondAfter : -1;
            _reservoir.Clear();
            _seen = 0;
            _due = next;
            return samples;
        }
    }
}
