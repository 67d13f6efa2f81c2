using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Detection;

public sealed class RuleCatalogTests
{
    private static RuleCatalog Catalog(string folder, int workers = 0) => new(
        Options.Create(new DetectionOptions { RulePaths = [folder], EvaluationWorkers = workers }), new ManualTimeProvider(), NullLogger<RuleCatalog>.Instance);

    private static StoredEvent Stored(long id, int eventId, bool drill = false) =>
        new(id, "a_01", "xa-sang-moc", drill, TestEvents.BaseTime, TestEvents.Logon(id, eventId: eventId));

    [Fact]
    public void Loads_the_folder_and_detects_with_the_rules()
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        var catalog = Catalog(rules.Path);

        var status = catalog.Status;
        var rule = Assert.Single(status.Rules);
        Assert.Equal(TestRules.FailedLogonId, rule.Id);
        Assert.Null(status.LastAttemptError);
        var detector = catalog.CreateDetector();
        var matches = new SliceMatches();
        detector.Evaluate([Stored(1, 4625), Stored(2, 4624)], matches);
        Assert.Empty(matches.MatchesOf(1));
        var match = Assert.Single(matches.MatchesOf(0));
        Assert.Equal("high", match.Level);
        Assert.Contains("attack.t1110", match.Tags);
    }

    [Fact]
    public async Task A_load_from_the_cache_decodes_the_rest_in_the_background_and_lets_the_cache_file_go()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "reads the process's mappings from /proc/self/maps");
        using var rules = new TempFolder();
        using var data = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        RuleCatalog Cached() => new(Options.Create(new DetectionOptions { RulePaths = [rules.Path] }), new ManualTimeProvider(),
            NullLogger<RuleCatalog>.Instance, DataDirectoryOptions.For(data.Path));
        Assert.Equal("Created", Cached().Status.CacheOutcomes[0]);

        var catalog = Cached();
        Assert.Equal("Hit", catalog.Status.CacheOutcomes[0]);
        await catalog.Decoding.WaitAsync(TestContext.Current.CancellationToken);
        var file = Assert.Single(catalog.SetsInService).Cache.File!;
        await Eventually.UntilAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !File.ReadLines("/proc/self/maps").Any(l => l.Contains(" " + Path.GetFullPath(file), StringComparison.Ordinal));
        }, $"{file} no longer mapped");

        var matches = new SliceMatches();
        catalog.CreateDetector().Evaluate([Stored(1, 4625)], matches);
        Assert.Single(matches.MatchesOf(0));
    }

    [Fact]
    public void Several_workers_find_the_same_matches_in_the_same_order_as_one_event_at_a_time()
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon("low"));
        File.WriteAllText(Path.Combine(rules.Path, "burst.yml"), $$"""
            title: Burst
            id: 6d0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e99
            correlation:
                type: event_count
                rules: [{{TestRules.FailedLogonId}}]
                group-by: [Computer, TargetUserName]
                timespan: 5m
                condition:
                    gte: 5
            level: high
            """);
        // Three hosts and two users interleaved, failed and successful logons: the burst must fire for
        // each (host, user) on its fifth failure, exactly where one thread in id order would fire it.
        var events = Enumerable.Range(1, 600).Select(i => new StoredEvent(i, "a_01", "xa-sang-moc", i % 7 == 0, TestEvents.BaseTime,
            TestEvents.Logon(i, computer: $"PC-{i % 3}", user: $"u{i % 2}", eventId: i % 4 == 0 ? 4624 : 4625))).ToList();

        var parallel = new SliceMatches();
        Catalog(rules.Path, workers: 4).CreateDetector().Evaluate(events, parallel);
        var single = Catalog(rules.Path, workers: 1).CreateDetector();
        var one = new SliceMatches();
        var expected = new List<string>();
        var actual = new List<string>();
        for (var i = 0; i < events.Count; i++)
        {
            single.Evaluate([events[i]], one);
            expected.AddRange(one.MatchesOf(0).Select(m => $"{i}:{m.Title}"));
            actual.AddRange(parallel.MatchesOf(i).Select(m => $"{i}:{m.Title}"));
        }

        Assert.Contains(expected, e => e.EndsWith(":Burst", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_new_broken_rule_keeps_the_last_good_set_and_is_reported()
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        var catalog = Catalog(rules.Path);
        var version = catalog.Version;

        File.WriteAllText(Path.Combine(rules.Path, "success.yml"), TestRules.SuccessfulLogon());
        File.WriteAllText(Path.Combine(rules.Path, "broken.yml"), TestRules.Broken);
        catalog.Reload();

        Assert.Equal(version, catalog.Version);
        Assert.Single(catalog.Status.Rules);
        Assert.Contains("broken.yml", catalog.Status.LastAttemptError, StringComparison.Ordinal);

        File.Delete(Path.Combine(rules.Path, "broken.yml"));
        catalog.Reload();
        Assert.Equal(version + 1, catalog.Version);
        Assert.Equal(2, catalog.Status.Rules.Count);
        Assert.Null(catalog.Status.LastAttemptError);
    }

    [Fact]
    public void The_mapping_file_in_the_rule_folder_is_used_as_the_mapping_not_loaded_as_a_rule()
    {
        using var rules = new TempFolder();
        var shipped = Path.Combine(RepositoryPaths.Root, "rules", RuleCatalog.MappingFileName);
        File.Copy(shipped, Path.Combine(rules.Path, RuleCatalog.MappingFileName));
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        var status = Catalog(rules.Path).Status;
        Assert.Single(status.Rules);
        Assert.Equal(0, status.InvalidCount);
    }

    [Fact]
    public void Default_rule_paths_are_the_nearest_rules_folder_above_the_executable_or_working_directory()
    {
        using var root = new TempFolder();
        var bin = Directory.CreateDirectory(Path.Combine(root.Path, "app", "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(root.Path, "rules"));
        Assert.Equal([Path.Combine(root.Path, "rules")], RulePathResolver.Resolve([], bin, "/"));
        Assert.Equal([Path.GetFullPath("x", bin)], RulePathResolver.Resolve(["x"], "/", bin));
    }
}
