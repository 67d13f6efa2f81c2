using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>
/// Every shared SigmaHQ rule through the compiled-rule cache: the set read back from the cache,
/// and the set read back with the channel filter of the attack samples' channels, detect exactly
/// what the set compiled from YAML detects over the whole corpus, also when several threads decode
/// its buckets at once.
/// </summary>
public sealed class CachedSharedRulesTests(SharedRuleSetFixture shared) : IClassFixture<SharedRuleSetFixture>, IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("attt-sigma-shared-cache-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public void The_cached_set_and_its_channel_filtered_read_detect_what_the_compiled_set_detects()
    {
        var events = Directory.EnumerateFiles(Support.Paths.AttackSamples, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(Read).ToList();
        var channels = events.Select(e => e.Channel).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var folders = Support.Paths.SharedRuleFolders();
        var created = SigmaRuleSet.Load(folders, new SigmaLoadOptions { CacheDirectory = _cache });
        Assert.Equal(SigmaCacheOutcome.Created, created.Cache.Outcome);
        var hit = SigmaRuleSet.Load(folders, new SigmaLoadOptions { CacheDirectory = _cache });
        Assert.Equal(SigmaCacheOutcome.Hit, hit.Cache.Outcome);
        var filtered = SigmaRuleSet.Load(folders, new SigmaLoadOptions { CacheDirectory = _cache, Channels = channels });
        Assert.Equal(SigmaCacheOutcome.Hit, filtered.Cache.Outcome);
        Assert.True(filtered.Rules.Count < hit.Rules.Count, $"{filtered.Rules.Count} of {hit.Rules.Count} rules for {channels.Count} channels");
        Assert.Equal(hit.ExcludedCount + (hit.Rules.Count - filtered.Rules.Count) + (hit.Correlations.Count - filtered.Correlations.Count), filtered.ExcludedCount);

        var expected = Detections(shared.Rules, events);
        Assert.Equal(shared.Rules.LoadedCount, hit.LoadedCount);
        Assert.Equal(shared.Rules.Diagnostics.Select(d => d.ToString()), hit.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(expected, Detections(hit, events));
        Assert.Equal(expected, Detections(filtered, events));
        Assert.True(expected.Count > 1000, $"{expected.Count} detections");
        Assert.True(hit.Router.DecodedCount < hit.Router.BucketCount, $"{hit.Router.DecodedCount} of {hit.Router.BucketCount} buckets decoded by the corpus");

        // Buckets are decoded on first use: four threads, each with its own engine over the same
        // fresh read, race to decode them and must still see exactly the compiled set's detections.
        var raced = SigmaRuleSet.Load(folders, new SigmaLoadOptions { CacheDirectory = _cache });
        Assert.Equal(0, raced.Router.DecodedCount);
        var results = new List<string>[4];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, t => results[t] = Detections(raced, events));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static List<Events.EventRecord> Read(string file)
    {
        var events = new List<Events.EventRecord>();
        try
        {
            events.AddRange(EvtxFile.ReadEvents(file, null, _ => { }));
        }
        catch (EvtxFormatException)
        {
            // A damaged sample only shrinks the corpus; the events read before the damage count.
        }

        return events;
    }

    private static List<string> Detections(SigmaRuleSet rules, List<Events.EventRecord> events)
    {
        var engine = rules.CreateEngine();
        var output = new List<SigmaDetection>();
        var result = new List<string>();
        for (var i = 0; i < events.Count; i++)
        {
            output.Clear();
            engine.Evaluate(events[i], output);
            result.AddRange(output.Select(d => $"{i} {d.Rule.Id}").Order(StringComparer.Ordinal));
        }

        return result;
    }
}
