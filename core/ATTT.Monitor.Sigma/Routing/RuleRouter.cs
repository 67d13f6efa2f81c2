namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// Finds the bucket of rules an event can belong to from its channel and EventID, so a Security
/// 4624 event is never tested against a Sysmon rule.
/// </summary>
internal sealed class RuleRouter
{
    private readonly Dictionary<string, (Dictionary<int, RuleBucket> ById, RuleBucket Any)> _channels;
    private readonly RuleBucket _elsewhere;

    public RuleRouter(IReadOnlyList<RuleVariant> variants, IReadOnlyList<RuleVariant> everywhere)
    {
        var buckets = new List<RuleBucket>();
        var automata = new Dictionary<string, LiteralAutomaton>(StringComparer.Ordinal);
        RuleBucket NewBucket(IEnumerable<RuleVariant> vs)
        {
            var b = new RuleBucket(buckets.Count, vs.Concat(everywhere).ToList(), automata);
            buckets.Add(b);
            return b;
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
        Buckets = buckets;
    }

    /// <summary>A router read back from the compiled-rule cache.</summary>
    public RuleRouter(IReadOnlyList<RuleBucket> buckets, IEnumerable<(string Channel, Dictionary<int, RuleBucket> ById, RuleBucket Any)> channels, RuleBucket elsewhere)
    {
        Buckets = buckets;
        _channels = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (channel, byId, any) in channels) _channels[channel] = (byId, any);
        _elsewhere = elsewhere;
    }

    public IReadOnlyList<RuleBucket> Buckets { get; }

    /// <summary>The bucket of events of channels no rule names.</summary>
    public RuleBucket Elsewhere => _elsewhere;

    /// <summary>Per channel: the bucket of each EventID with rules of its own, and the bucket of every other EventID.</summary>
    public IEnumerable<(string Channel, IReadOnlyDictionary<int, RuleBucket> ById, RuleBucket Any)> Channels =>
        _channels.Select(kv => (kv.Key, (IReadOnlyDictionary<int, RuleBucket>)kv.Value.ById, kv.Value.Any));

    public RuleBucket Find(string channel, int eventId)
    {
        if (!_channels.TryGetValue(channel, out var routes)) return _elsewhere;
        return routes.ById.TryGetValue(eventId, out var bucket) ? bucket : routes.Any;
    }
}
