using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Caching;

/// <summary>
/// A rule set read from the compiled-rule cache decodes its buckets (variants, matchers, automata)
/// only when an event first needs one, over the cache file mapped into memory; the set stays whole
/// when the cache file is replaced under it, and lets the mapping go once every bucket is decoded.
/// </summary>
public sealed class LazyBucketTests : IDisposable
{
    private const string WhoamiRule = "c1000000-0000-4000-8000-000000000001";
    private const string LogonRule = "c1000000-0000-4000-8000-000000000002";
    private readonly string _root = Directory.CreateTempSubdirectory("attt-sigma-lazy-").FullName;
    private readonly string _rules;
    private readonly string _cache;

    public LazyBucketTests()
    {
        _rules = Directory.CreateDirectory(Path.Combine(_root, "rules")).FullName;
        _cache = Path.Combine(_root, "cache");
        File.WriteAllText(Path.Combine(_rules, "whoami.yml"), ProcessRule(WhoamiRule, "whoami.exe"));
        File.WriteAllText(Path.Combine(_rules, "logon.yml"), $$"""
            title: Failed logon
            id: {{LogonRule}}
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: 4625, TargetUserName|contains: admin }, condition: sel }
            """);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string ProcessRule(string id, string image) => $$"""
        title: Runs {{image}}
        id: {{id}}
        logsource: { product: windows, category: process_creation }
        detection: { selection: { Image|endswith: '\{{image}}', CommandLine|re: '(?i)^[a-z]' }, condition: selection }
        """;

    private SigmaRuleSet Load() => SigmaRuleSet.Load([_rules], new SigmaLoadOptions { CacheDirectory = _cache });

    private static readonly Events.EventRecord Whoami = TestEvents.Sysmon1(@"C:\Windows\System32\whoami.exe", "whoami /all");
    private static readonly Events.EventRecord FailedAdminLogon = TestEvents.Make("Security", 4625, ("TargetUserName", "administrator"));

    [Fact]
    public void A_set_read_from_the_cache_decodes_a_bucket_when_its_first_event_arrives()
    {
        var compiled = Load();
        Assert.Equal(SigmaCacheOutcome.Created, compiled.Cache.Outcome);
        var read = Load();
        Assert.Equal(SigmaCacheOutcome.Hit, read.Cache.Outcome);
        Assert.Equal(0, read.Router.DecodedCount);
        Assert.Equal(compiled.Rules.Select(r => r.Id), read.Rules.Select(r => r.Id));

        var engine = read.CreateEngine();
        Assert.Equal([WhoamiRule], engine.Evaluate(Whoami).Select(d => d.Rule.Id));
        Assert.Equal(1, read.Router.DecodedCount);
        Assert.Equal([WhoamiRule], engine.Evaluate(Whoami).Select(d => d.Rule.Id));
        Assert.Equal(1, read.Router.DecodedCount);
        Assert.Equal([LogonRule], engine.Evaluate(FailedAdminLogon).Select(d => d.Rule.Id));
        Assert.Equal(2, read.Router.DecodedCount);
        Assert.Equal(compiled.Router.BucketCount, read.Router.BucketCount);
        Assert.Equal(compiled.Router.BucketCount, compiled.Router.DecodedCount);
    }

    [Fact]
    public void A_cache_file_replaced_while_a_set_still_reads_it_leaves_that_set_as_it_was()
    {
        Load();
        var before = Load();
        Assert.Equal(SigmaCacheOutcome.Hit, before.Cache.Outcome);
        Assert.Equal(0, before.Router.DecodedCount);

        // The edit (another length, so the manifest sees it) makes the next load compile again and
        // rename a new cache file over the one the first set maps.
        File.WriteAllText(Path.Combine(_rules, "whoami.yml"), ProcessRule(WhoamiRule, "calc.exe"));
        var after = Load();
        Assert.Equal(SigmaCacheOutcome.Rebuilt, after.Cache.Outcome);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal([WhoamiRule], before.CreateEngine().Evaluate(Whoami).Select(d => d.Rule.Id));
        Assert.Empty(after.CreateEngine().Evaluate(Whoami));
        Assert.Equal([WhoamiRule], after.CreateEngine().Evaluate(TestEvents.Sysmon1(@"C:\Windows\System32\calc.exe", "calc")).Select(d => d.Rule.Id));
        Assert.Equal([LogonRule], before.CreateEngine().Evaluate(FailedAdminLogon).Select(d => d.Rule.Id));
    }

    [Fact]
    public void Decoding_every_bucket_releases_the_cache_files_mapping()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the process's mappings from /proc/self/maps");
        Load();
        var read = Load();
        var file = read.Cache.File!;
        Assert.True(Mapped(file), $"{file} is mapped while buckets remain to decode");

        read.DecodeAll();
        Assert.Equal(read.Router.BucketCount, read.Router.DecodedCount);
        for (var i = 0; i < 3 && Mapped(file); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(Mapped(file), $"{file} is still mapped after every bucket was decoded");
        // The file may now change in place (a restore copying over it) without touching the set.
        File.WriteAllBytes(file, [1, 2, 3]);
        Assert.Equal([WhoamiRule], read.CreateEngine().Evaluate(Whoami).Select(d => d.Rule.Id));
        Assert.Equal([LogonRule], read.CreateEngine().Evaluate(FailedAdminLogon).Select(d => d.Rule.Id));
    }

    // A load that re-hashes recently written rule files stores the cache again (rename over the
    // file), so the mapping may name the file "(deleted)".
    private static bool Mapped(string file) =>
        File.ReadLines("/proc/self/maps").Any(l => l.Contains(" " + Path.GetFullPath(file), StringComparison.Ordinal));
}
