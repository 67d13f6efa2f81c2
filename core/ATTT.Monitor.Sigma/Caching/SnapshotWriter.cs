using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// A compiled rule set as the cache stores it: rule table, fields, diagnostics and correlations,
/// then the router's channel table, then variants, automata and buckets, each behind a table of
/// offsets so that a load with a channel filter reads only the buckets (and what they use) of the
/// channels it wants.
/// </summary>
internal static class SnapshotWriter
{
    public static CacheWriter Write(SigmaRuleSet set)
    {
        var w = new CacheWriter();
        var infos = set.Rules.Concat(set.CorrelationDefinitions.Select(c => c.Info)).ToList();
        infos.AddRange(set.CorrelationDefinitions.SelectMany(c => c.Rules).Distinct().Except(infos).ToList());
        var indexOf = infos.Select((info, i) => (info, i)).ToDictionary(x => x.info, x => x.i);
        w.Count(infos.Count);
        foreach (var i in infos) InfoCodec.Write(w, i);
        w.Count(set.Rules.Count);
        w.Strings([.. set.Fields.Names]);
        w.Count(set.Diagnostics.Count);
        foreach (var d in set.Diagnostics) InfoCodec.Write(w, d);
        w.Count(set.UnroutedRules.Count);
        foreach (var u in set.UnroutedRules) w.Count(indexOf[u]);
        w.Count(set.FilterCount);
        w.Count(set.ExcludedCount);
        w.Count(set.CorrelationDefinitions.Count);
        foreach (var c in set.CorrelationDefinitions) CorrelationCodec.Write(w, c, info => indexOf[info]);

        var router = set.Router;
        var buckets = router.Buckets;
        var bucketIndex = buckets.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        var channels = router.Channels.ToList();
        w.Count(channels.Count);
        foreach (var (channel, byId, any) in channels)
        {
            w.String(channel);
            w.Count(byId.Count);
            foreach (var (id, bucket) in byId)
            {
                w.Int(id);
                w.Count(bucketIndex[bucket]);
            }

            w.Count(bucketIndex[any]);
        }

        w.Count(bucketIndex[router.Elsewhere]);

        var variants = buckets.SelectMany(b => b.Always.Concat(b.Filtered)).Distinct().ToList();
        var variantIndex = variants.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
        var automata = buckets.SelectMany(b => b.ScanTable.Select(s => s.Automaton)).Distinct().ToList();
        var automatonIndex = automata.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i);
        Table(w, variants, (bw, v) => WriteVariant(bw, v));
        Table(w, automata, WriteAutomaton);
        Table(w, buckets, (bw, b) => WriteBucket(bw, b, variantIndex, automatonIndex));
        return w;
    }

    // Offsets first, then the items: a reader jumps to the ones it needs.
    private static void Table<T>(CacheWriter w, IReadOnlyList<T> items, Action<CacheWriter, T> write)
    {
        var blob = new CacheWriter();
        var offsets = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            offsets[i] = checked((int)blob.Position);
            write(blob, items[i]);
        }

        w.Ints(offsets);
        w.Block(blob);
    }

    private static void WriteVariant(CacheWriter w, RuleVariant v)
    {
        w.Count(v.RuleIndex);
        w.Strings([.. v.Channels]);
        w.Bool(v.EventIds is not null);
        if (v.EventIds is { } ids) w.Ints([.. ids.Order()]);
        NodeCodec.Write(w, v.Root);
    }

    private static void WriteAutomaton(CacheWriter w, LiteralAutomaton a)
    {
        var t = a.Tables;
        w.Bytes(t.AsciiClass);
        w.Chars(t.OtherChars);
        w.Ints(t.OtherClasses);
        w.Count(t.Classes);
        w.Count(t.DenseStates);
        w.Ints(t.Dense);
        w.Ints(t.ChildStart);
        w.Ints(t.ChildClass);
        w.Ints(t.ChildTarget);
        w.Ints(t.Fail);
        w.Ints(t.OutStart);
        w.Ints(t.OutIds);
        w.Ulongs(t.HasOutput);
        w.Chars(t.Starts);
        w.Count(t.LiteralCount);
    }

    private static void WriteBucket(CacheWriter w, RuleBucket b, Dictionary<RuleVariant, int> variants, Dictionary<LiteralAutomaton, int> automata)
    {
        w.Ints([.. b.Always.Select(v => variants[v])]);
        w.Ints([.. b.Filtered.Select(v => variants[v])]);
        w.Count(b.ScanTable.Count);
        foreach (var (fieldId, automaton, targets) in b.ScanTable)
        {
            w.Int(fieldId);
            w.Count(automata[automaton]);
            w.Count(targets.Length);
            foreach (var t in targets) w.Ints(t);
        }
    }
}
