using ATTT.Monitor.Sigma.Correlation;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// Reads a compiled rule set back. With a channel filter only the buckets of those channels (and
/// the "any channel" bucket) are read, with the variants and automata they use; rules with no
/// variant left are not loaded and count as excluded, as in a load without the cache.
/// </summary>
internal sealed class SnapshotReader
{
    private readonly CacheReader _r;
    private readonly HashSet<string>? _channels;
    private List<SigmaRuleInfo> _infos = [];
    private int _fieldCount;

    private SnapshotReader(ReadOnlyMemory<byte> data, IReadOnlyCollection<string>? channels)
    {
        _r = new CacheReader(data);
        _channels = channels is null ? null : new HashSet<string>(channels, StringComparer.OrdinalIgnoreCase);
    }

    public static SigmaRuleSet Read(ReadOnlyMemory<byte> data, IReadOnlyCollection<string>? channels) => new SnapshotReader(data, channels).Read();

    private SigmaRuleSet Read()
    {
        var r = _r;
        _infos = new List<SigmaRuleInfo>(r.Count());
        for (var i = _infos.Capacity; i > 0; i--) _infos.Add(InfoCodec.Read(r));
        var ruleCount = r.Count();
        if (ruleCount > _infos.Count) throw new CacheFormatException("more rules than rule entries");
        var fields = new FieldTable();
        foreach (var name in r.Strings()) fields.Intern(name);
        _fieldCount = fields.Count;
        var diagnostics = new List<SigmaDiagnostic>();
        for (var n = r.Count(); n > 0; n--) diagnostics.Add(InfoCodec.ReadDiagnostic(r));
        var unrouted = new List<int>();
        for (var n = r.Count(); n > 0; n--) unrouted.Add(r.Index(ruleCount));
        var filterCount = r.Count();
        var excluded = r.Count();
        var correlations = new List<CorrelationDefinition>();
        for (var n = r.Count(); n > 0; n--) correlations.Add(CorrelationCodec.Read(r, _infos));

        var channels = new List<(string Channel, List<(int Id, int Bucket)> ById, int Any)>();
        for (var n = r.Count(); n > 0; n--)
        {
            var name = r.Text();
            var byId = new List<(int, int)>();
            for (var m = r.Count(); m > 0; m--) byId.Add((r.Int(), r.Count()));
            channels.Add((name, byId, r.Count()));
        }

        var elsewhere = r.Count();
        var variants = Table(r);
        var automata = Table(r);
        var buckets = Table(r);
        if (!r.AtEnd) throw new CacheFormatException("bytes after the last table");

        // Buckets wanted: every one, or those of the filter's channels; the "any channel" one always.
        var selected = _channels is null ? Enumerable.Range(0, buckets.Offsets.Length).ToList()
            : channels.Where(c => _channels.Contains(c.Channel)).SelectMany(c => c.ById.Select(b => b.Bucket).Append(c.Any)).Append(elsewhere).Distinct().Order().ToList();
        var bucketData = selected.ToDictionary(b => b, b => ReadBucketIndexes(buckets.At(b), variants.Offsets.Length));

        // Rules kept: all without a filter, else those some read variant belongs to.
        var keptRules = _channels is null ? Enumerable.Range(0, ruleCount).ToList()
            : bucketData.Values.SelectMany(b => b.Always.Concat(b.Filtered)).Distinct().Select(v => variants.At(v).Index(ruleCount)).Distinct().Order().ToList();
        var newIndex = keptRules.Select((old, i) => (old, i)).ToDictionary(x => x.old, x => x.i);
        // Variants, automata and buckets are decoded when an event first needs the bucket: most of
        // the load's work (matchers, regular expressions, automaton tables) for a small part of it.
        var variantObjects = new Dictionary<int, RuleVariant>();
        var automatonObjects = new Dictionary<int, LiteralAutomaton>();
        RuleVariant Variant(int v) =>
            variantObjects.TryGetValue(v, out var o) ? o : variantObjects[v] = ReadVariant(variants.At(v), ruleCount, newIndex);
        LiteralAutomaton Automaton(int i) =>
            automatonObjects.TryGetValue(i, out var a) ? a : automatonObjects[i] = ReadAutomaton(automata.At(i));
        RuleBucket Decode(int id)
        {
            try
            {
                var d = bucketData[selected[id]];
                var scans = d.Scans.Select(s => (s.FieldId, Automaton(s.Automaton), s.Targets)).ToArray();
                return new RuleBucket(id, [.. d.Always.Select(Variant)], [.. d.Filtered.Select(Variant)], scans);
            }
            catch (CacheFormatException ex)
            {
                // Checksums are verified when the cache is opened, so this is a defect, not damage on disk.
                throw new InvalidOperationException($"A bucket of the compiled-rule cache cannot be decoded ({ex.Message}); delete the cache folder to rebuild it.", ex);
            }
        }

        var idOf = selected.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        var routes = channels.Where(c => _channels is null || _channels.Contains(c.Channel))
            .Select(c => (c.Channel, c.ById.ToDictionary(x => x.Id, x => idOf[x.Bucket]), idOf[c.Any]));
        var router = new RuleRouter(selected.Count, routes, idOf[elsewhere], Decode);

        var rules = keptRules.Select(i => _infos[i]).ToList();
        var kept = new HashSet<SigmaRuleInfo>(rules);
        var usable = UsableCorrelations(correlations, kept);
        excluded += ruleCount - rules.Count + correlations.Count - usable.Count;
        var unroutedKept = unrouted.Where(newIndex.ContainsKey).Select(i => _infos[i]).ToList();
        return new SigmaRuleSet(rules, unroutedKept, usable, filterCount, diagnostics, fields, router, excluded);
    }

    // A correlation works while one of its rules (or chained correlations) is loaded.
    private static List<CorrelationDefinition> UsableCorrelations(List<CorrelationDefinition> all, HashSet<SigmaRuleInfo> rules)
    {
        var usable = new HashSet<CorrelationDefinition>();
        var live = new HashSet<SigmaRuleInfo>(rules);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var c in all)
            {
                if (usable.Contains(c) || !c.Rules.Any(live.Contains)) continue;
                usable.Add(c);
                live.Add(c.Info);
                changed = true;
            }
        }

        return all.Where(usable.Contains).ToList();
    }

    private static (int[] Offsets, ReadOnlyMemory<byte> Data) TableOf(CacheReader r) => (r.Ints(), r.Block());

    private static OffsetTable Table(CacheReader r)
    {
        var (offsets, data) = TableOf(r);
        foreach (var o in offsets)
        {
            if (o < 0 || o > data.Length) throw new CacheFormatException($"table offset {o} is outside its block");
        }

        return new OffsetTable(offsets, data);
    }

    private BucketIndexes ReadBucketIndexes(CacheReader r, int variantCount)
    {
        var always = r.Ints();
        var filtered = r.Ints();
        foreach (var v in always.Concat(filtered))
        {
            if ((uint)v >= (uint)variantCount) throw new CacheFormatException($"variant {v} is not below {variantCount}");
        }

        var scans = new List<(int, int, int[][])>();
        for (var n = r.Count(); n > 0; n--)
        {
            var field = r.Int();
            if (field != KeywordNode.AllValuesField && (uint)field >= (uint)_fieldCount) throw new CacheFormatException($"field {field} is not below {_fieldCount}");
            var automaton = r.Count();
            var targets = new int[r.Count()][];
            for (var i = 0; i < targets.Length; i++)
            {
                targets[i] = r.Ints();
                foreach (var t in targets[i])
                {
                    if ((uint)t >= (uint)filtered.Length) throw new CacheFormatException("a prefilter target is not a filtered variant");
                }
            }

            scans.Add((field, automaton, targets));
        }

        return new BucketIndexes(always, filtered, scans);
    }

    private RuleVariant ReadVariant(CacheReader r, int ruleCount, Dictionary<int, int> newIndex)
    {
        var rule = r.Index(ruleCount);
        var channels = r.Strings();
        if (_channels is not null) channels = channels.Where(_channels.Contains).ToList();
        HashSet<int>? ids = r.Bool() ? [.. r.Ints()] : null;
        var root = NodeCodec.Read(r, _fieldCount);
        return new RuleVariant(newIndex[rule], root, channels, ids);
    }

    private static LiteralAutomaton ReadAutomaton(CacheReader r)
    {
        var t = new AutomatonTables(r.Bytes(), r.Chars(), r.Ints(), r.Count(), r.Count(), r.Ints(), r.Ints(), r.Ints(), r.Ints(),
            r.Ints(), r.Ints(), r.Ints(), r.Ulongs(), r.Chars(), r.Count());
        AutomatonCheck.Validate(t);
        return new LiteralAutomaton(t);
    }

    private sealed record BucketIndexes(int[] Always, int[] Filtered, List<(int FieldId, int Automaton, int[][] Targets)> Scans);

    private sealed record OffsetTable(int[] Offsets, ReadOnlyMemory<byte> Data)
    {
        public CacheReader At(int i)
        {
            if ((uint)i >= (uint)Offsets.Length) throw new CacheFormatException($"item {i} is not below {Offsets.Length}");
            return new CacheReader(Data) { Position = Offsets[i] };
        }
    }
}
