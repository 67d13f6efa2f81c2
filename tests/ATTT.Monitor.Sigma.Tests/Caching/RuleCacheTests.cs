using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Caching;

/// <summary>
/// The compiled-rule cache on real files: reused while nothing changed, rebuilt (parsing only what
/// changed) when a rule file, the mapping or the options change, and a damaged cache file never used.
/// </summary>
public sealed class RuleCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("attt-sigma-cache-").FullName;
    private readonly string _rules;
    private readonly string _cache;

    public RuleCacheTests()
    {
        _rules = Directory.CreateDirectory(Path.Combine(_root, "rules")).FullName;
        _cache = Path.Combine(_root, "cache");
        Write("whoami.yml", Rule("c0000000-0000-4000-8000-000000000001", "whoami.exe"));
        Write("net.yml", Rule("c0000000-0000-4000-8000-000000000002", "net.exe"));
        Write("burst.yml", """
            title: Failed logon
            name: failed
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: 4625 }, condition: sel }
            ---
            title: Burst
            id: c0000000-0000-4000-8000-0000000000b1
            correlation: { type: event_count, rules: [failed], group-by: [TargetUserName], timespan: 5m, condition: { gte: 2 } }
            """);
        Write("broken.yml", "title: [unclosed");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Rule(string id, string image) => $$"""
        title: Runs {{image}}
        id: {{id}}
        level: high
        related: [ { id: 0f000000-0000-4000-8000-0000000000aa, type: derived } ]
        guidance: { what_to_do: [ "Kiểm tra máy" ] }
        logsource: { product: windows, category: process_creation }
        detection:
            selection: { Image|endswith: '\{{image}}', CommandLine|re: '(?i)^[a-z]' }
            filter: { User|neq: 'SYSTEM' }
            condition: selection and filter
        """;

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_rules, name), text);

    private SigmaRuleSet Load(SigmaLoadOptions? options = null) => SigmaRuleSet.Load([_rules], new SigmaLoadOptions
    {
        CacheDirectory = _cache,
        Channels = options?.Channels,
        Placeholders = options?.Placeholders ?? new Dictionary<string, IReadOnlyList<string>>(),
        MappingPath = options?.MappingPath,
    });

    private static List<string> Detect(SigmaRuleSet set) =>
    [
        .. set.CreateEngine().Evaluate(TestEvents.Sysmon1(@"C:\Windows\System32\whoami.exe", "whoami /all")).Select(d => d.Rule.Id),
        .. set.CreateEngine().Evaluate(TestEvents.Sysmon1(@"C:\Windows\System32\net.exe", "net user")).Select(d => d.Rule.Id),
    ];

    [Fact]
    public void The_second_load_uses_the_cache_and_behaves_the_same()
    {
        var first = Load();
        Assert.Equal(SigmaCacheOutcome.Created, first.Cache.Outcome);
        Assert.Equal(4, first.Cache.FilesParsed);
        var second = Load();
        Assert.True(second.Cache.Outcome == SigmaCacheOutcome.Hit, string.Join("\n", second.Cache.Warnings));
        Assert.Empty(second.Cache.Warnings);
        Assert.Equal(first.Rules.Select(r => (r.Id, r.Title, r.Path, r.GeneratesAlerts)), second.Rules.Select(r => (r.Id, r.Title, r.Path, r.GeneratesAlerts)));
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(first.Correlations.Select(c => c.Id), second.Correlations.Select(c => c.Id));
        Assert.Equal(Detect(first), Detect(second));
        Assert.Equal(2, Detect(second).Count);
        Assert.Equal(new SigmaRelatedRule("0f000000-0000-4000-8000-0000000000aa", "derived"), second.Rules.Single(r => r.Id == "c0000000-0000-4000-8000-000000000001").Related.Single());
        Assert.Equal("Kiểm tra máy", ((IReadOnlyList<object?>)((IReadOnlyDictionary<string, object?>)second.Rules.Single(r => r.Id == "c0000000-0000-4000-8000-000000000001").CustomAttributes["guidance"]!)["what_to_do"]!)[0]);
        var correlation = second.CreateCorrelationEngine();
        var fired = new List<SigmaDetection>();
        foreach (var e in new[] { 0, 1 }.Select(m => TestEvents.Make("Security", 4625, ("TargetUserName", "a")).At(TestEvents.T0.AddMinutes(m))))
        {
            foreach (var d in second.CreateEngine().Evaluate(e)) fired.AddRange(correlation.Process(d));
        }

        Assert.Equal("c0000000-0000-4000-8000-0000000000b1", Assert.Single(fired).Rule.Id);
    }

    [Fact]
    public void A_changed_file_is_the_only_one_parsed_again_even_with_the_same_size_and_time()
    {
        Load();
        var path = Path.Combine(_rules, "net.yml");
        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("net.exe", "nbt.exe", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, time);
        var changed = Load();
        Assert.Equal(SigmaCacheOutcome.Rebuilt, changed.Cache.Outcome);
        Assert.Equal(1, changed.Cache.FilesParsed);
        Assert.Equal(["c0000000-0000-4000-8000-000000000001"], Detect(changed));
        Assert.Equal(SigmaCacheOutcome.Hit, Load().Cache.Outcome);
    }

    [Fact]
    public void Added_and_removed_files_rebuild_with_only_the_new_file_parsed()
    {
        Load();
        Write("ipconfig.yml", Rule("c0000000-0000-4000-8000-000000000003", "ipconfig.exe"));
        var added = Load();
        Assert.Equal(SigmaCacheOutcome.Rebuilt, added.Cache.Outcome);
        Assert.Equal(1, added.Cache.FilesParsed);
        Assert.Contains(added.Rules, r => r.Id == "c0000000-0000-4000-8000-000000000003");
        File.Delete(Path.Combine(_rules, "whoami.yml"));
        var removed = Load();
        Assert.Equal(SigmaCacheOutcome.Rebuilt, removed.Cache.Outcome);
        Assert.Equal(0, removed.Cache.FilesParsed);
        Assert.DoesNotContain(removed.Rules, r => r.Id == "c0000000-0000-4000-8000-000000000001");
        Assert.Equal(["c0000000-0000-4000-8000-000000000002"], Detect(removed));
    }

    [Fact]
    public void A_damaged_cache_file_is_ignored_with_a_warning_and_replaced()
    {
        var first = Load();
        var file = first.Cache.File!;
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);
        var damaged = Load();
        Assert.Equal(SigmaCacheOutcome.Created, damaged.Cache.Outcome);
        Assert.Contains(damaged.Cache.Warnings, w => w.Contains("damaged", StringComparison.Ordinal) && w.Contains(file, StringComparison.Ordinal));
        Assert.Equal(Detect(first), Detect(damaged));
        Assert.Equal(SigmaCacheOutcome.Hit, Load().Cache.Outcome);

        File.WriteAllBytes(file, File.ReadAllBytes(file)[..(bytes.Length / 3)]);
        var truncated = Load();
        Assert.Equal(SigmaCacheOutcome.Created, truncated.Cache.Outcome);
        Assert.Contains(truncated.Cache.Warnings, w => w.Contains("damaged", StringComparison.Ordinal));
        Assert.Equal(Detect(first), Detect(truncated));
    }

    [Fact]
    public void Damaged_parsed_files_mean_parsing_everything_again_never_using_them()
    {
        var first = Load();
        var parsed = Path.ChangeExtension(first.Cache.File!, ".parsed");
        var bytes = File.ReadAllBytes(parsed);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(parsed, bytes);
        Assert.Equal(SigmaCacheOutcome.Hit, Load().Cache.Outcome);
        Write("ipconfig.yml", Rule("c0000000-0000-4000-8000-000000000003", "ipconfig.exe"));
        var rebuilt = Load();
        Assert.Equal(SigmaCacheOutcome.Rebuilt, rebuilt.Cache.Outcome);
        Assert.Equal(5, rebuilt.Cache.FilesParsed);
        Assert.Contains(rebuilt.Cache.Warnings, w => w.Contains("damaged", StringComparison.Ordinal) && w.Contains(parsed, StringComparison.Ordinal));
        Assert.Equal(3, rebuilt.Rules.Count(r => r.Id.StartsWith("c0000000", StringComparison.Ordinal)));
    }

    [Fact]
    public void Options_and_the_mapping_are_part_of_the_key()
    {
        Load();
        var withPlaceholders = Load(new SigmaLoadOptions { Placeholders = new Dictionary<string, IReadOnlyList<string>> { ["admins"] = ["a"] } });
        Assert.Equal(SigmaCacheOutcome.Created, withPlaceholders.Cache.Outcome);
        var mapping = Path.Combine(_root, "mapping.yml");
        File.WriteAllText(mapping, "sources:\n  - { product: windows, category: process_creation, channel: \"Microsoft-Windows-Sysmon/Operational\", event_ids: [1] }\n");
        Assert.Equal(SigmaCacheOutcome.Created, Load(new SigmaLoadOptions { MappingPath = mapping }).Cache.Outcome);
        File.AppendAllText(mapping, "  - { product: windows, service: security, channel: Security }\n");
        var remapped = Load(new SigmaLoadOptions { MappingPath = mapping });
        Assert.Equal(SigmaCacheOutcome.Rebuilt, remapped.Cache.Outcome);
        Assert.Equal(0, remapped.Cache.FilesParsed);
    }

    [Fact]
    public void A_channel_filter_read_from_the_cache_loads_what_a_filtered_compile_loads()
    {
        Load();
        var cached = Load(new SigmaLoadOptions { Channels = ["Security"] });
        Assert.Equal(SigmaCacheOutcome.Hit, cached.Cache.Outcome);
        var direct = SigmaRuleSet.Load([_rules], new SigmaLoadOptions { Channels = ["Security"] });
        Assert.Equal(direct.Rules.Select(r => r.Id), cached.Rules.Select(r => r.Id));
        Assert.Equal(direct.ExcludedCount, cached.ExcludedCount);
        Assert.Equal(direct.Correlations.Select(r => r.Id), cached.Correlations.Select(r => r.Id));
        // process_creation is also served by Security 4688, so both rules stay; the Sysmon bucket is not read.
        Assert.Equal(Detect(direct), Detect(cached));
        Assert.Empty(Detect(cached));
        Assert.Single(cached.CreateEngine().Evaluate(TestEvents.Make("Security", 4688, ("NewProcessName", @"C:\Windows\System32\net.exe"), ("CommandLine", "net user"))));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_is_a_warning_not_a_failure()
    {
        File.WriteAllText(_cache, "a file where the cache folder should be");
        var set = Load();
        Assert.Equal(2, Detect(set).Count);
        Assert.Contains(set.Cache.Warnings, w => w.Contains("could not be written", StringComparison.Ordinal));
    }
}
