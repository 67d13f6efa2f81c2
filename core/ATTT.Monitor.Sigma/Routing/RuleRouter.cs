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

    public IReadOnlyList<RuleBucket> Buckets { get; }

    public RuleBucket Find(string channel, int eventId)
    {
        if (!_channels.TryGetValue(channel, out var routes)) return _elsewhere;
        return routes.ById.TryGetValue(eventId, out var bucket) ? bucket : routes.Any;
    }
}
