namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// Finds the bucket of rules an event can belong to from its channel and EventID, so a Security
/// 4624 event is never tested against a Sysmon rule.
/// </summary>
internal sealed class RuleRouter
{
    private readonly Dictionary<string, (Dictionary<int, int> ById, int Any)> _channels;
    private readonly RuleBucket?[] _buckets;
    private readonly int _elsewhere;
    // Dropped once every bucket is decoded, and with it the cache file's mapping the function reads.
    private Func<int, RuleBucket>? _decode;
    private readonly Lock _decoding = new();
    private int _decoded;

    public RuleRouter(IReadOnlyList<RuleVariant> variants, IReadOnlyList<RuleVariant> everywhere)
    {
        var buckets = new List<RuleBucket>();
        var automata = new Dictionary<string, LiteralAutomaton>(StringComparer.Ordinal);
        int NewBucket(IEnumerable<RuleVariant> vs)
        {
            var b = new RuleBucket(buckets.Count, vs.Concat(everywhere).ToList(), automata);
            buckets.Add(b);
            return b.Id;
        }

        var perChannel = new Dictionary<string, (Dictionary<int, List<RuleVariant>> ById, List<RuleVariant> Any)>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in variants)
        {
            foreach (var channel in v.Channels)
            {
                if (!perChannel.TryGetValue(channel, out var routes)) perChannel[channel] = routes = ([], []);
                if (v.EventIds is null)
                {
                    routes.Any.Add(v);
                    continue;
                }

                foreach (var id in v.EventIds)
                {
                    if (!routes.ById.TryGetValue(id, out var list)) routes.ById[id] = list = [];
                    list.Add(v);
                }
            }
        }

        _channels = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (channel, routes) in perChannel)
        {
            var byId = routes.ById.ToDictionary(kv => kv.Key, kv => NewBucket(kv.Value.Concat(routes.Any)));
            _channels[channel] = (byId, NewBucket(routes.Any));
        }

        _elsewhere = NewBucket([]);
        _buckets = [.. buckets];
        _decoded = _buckets.Length;
    }

    /// <summary>
    /// A router read back from the compiled-rule cache, whose buckets are decoded on first use
    /// (<paramref name="decode"/>, called once per bucket, under a lock): a start decodes only the
    /// buckets of the channels and EventIDs that events arrive for, not the whole rule set.
    /// </summary>
    /// <param name="bucketCount">Buckets are numbered 0 to bucketCount - 1; <paramref name="decode"/> returns the bucket with that <see cref="RuleBucket.Id"/>.</param>
    public RuleRouter(int bucketCount, IEnumerable<(string Channel, Dictionary<int, int> ById, int Any)> channels, int elsewhere, Func<int, RuleBucket> decode)
    {
        _buckets = new RuleBucket?[bucketCount];
        _channels = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (channel, byId, any) in channels) _channels[channel] = (byId, any);
        _elsewhere = elsewhere;
        _decode = decode;
    }

    public int BucketCount => _buckets.Length;

    /// <summary>Buckets decoded so far (all of them for a router built from rules).</summary>
    public int DecodedCount => Volatile.Read(ref _decoded);

    /// <summary>Decodes every bucket not yet decoded; afterwards the router no longer reads the cache.</summary>
    public void DecodeAll()
    {
        for (var i = 0; i < _buckets.Length; i++) Bucket(i);
    }

    /// <summary>Every bucket, decoding those not yet decoded.</summary>
    public IReadOnlyList<RuleBucket> Buckets => [.. Enumerable.Range(0, _buckets.Length).Select(Bucket)];

    /// <summary>The bucket of events of channels no rule names.</summary>
    public RuleBucket Elsewhere => Bucket(_elsewhere);

    /// <summary>Per channel: the bucket of each EventID with rules of its own, and the bucket of every other EventID (decoding them).</summary>
    public IEnumerable<(string Channel, IReadOnlyDictionary<int, RuleBucket> ById, RuleBucket Any)> Channels =>
        _channels.Select(kv => (kv.Key, (IReadOnlyDictionary<int, RuleBucket>)kv.Value.ById.ToDictionary(x => x.Key, x => Bucket(x.Value)), Bucket(kv.Value.Any)));

    public RuleBucket Find(string channel, int eventId)
    {
        if (!_channels.TryGetValue(channel, out var routes)) return Bucket(_elsewhere);
        return Bucket(routes.ById.TryGetValue(eventId, out var bucket) ? bucket : routes.Any);
    }

    private RuleBucket Bucket(int id) => Volatile.Read(ref _buckets[id]) ?? Decode(id);

    private RuleBucket Decode(int id)
    {
        lock (_decoding)
        {
            if (_buckets[id] is { } decoded) return decoded;
            var bucket = _decode!(id);
            if (bucket.Id != id) throw new InvalidOperationException($"bucket {id} was decoded as bucket {bucket.Id}");
            Volatile.Write(ref _buckets[id], bucket);
            if (Interlocked.Increment(ref _decoded) == _buckets.Length) _decode = null;
            return bucket;
        }
    }
}
