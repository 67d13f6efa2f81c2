using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Detection.Packs;

/// <summary>The catalog with a data folder: the tuning applied, an installed pack loaded with the profile, correlation state kept over a reload.</summary>
public sealed class CatalogTuningTests
{
    private static RuleCatalog Catalog(string rules, string data, string profile = RuleProfile.DefaultName) => new(
        Options.Create(new DetectionOptions { RulePaths = [rules], Profile = profile }), new ManualTimeProvider(), NullLogger<RuleCatalog>.Instance,
        DataDirectoryOptions.For(data));

    private static StoredEvent Stored(long id, string unit, string host = "PC-1", int eventId = 4625) =>
        new(id, "a_01", unit, false, TestEvents.BaseTime, TestEvents.Logon(id, computer: host, eventId: eventId));

    private static void WriteTuning(string data, RuleTuning tuning)
    {
        var layout = new RulePackLayout(data);
        Directory.CreateDirectory(layout.Root);
        File.WriteAllText(layout.TuningPath, System.Text.Json.JsonSerializer.Serialize(tuning, RulePackJson.Default.RuleTuning));
    }

    [Fact]
    public void A_tuned_level_applies_in_its_unit_only_and_a_noisy_rule_is_not_loaded()
    {
        using var rules = new TempFolder();
        using var data = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon("high"));
        File.WriteAllText(Path.Combine(rules.Path, "success.yml"), TestRules.SuccessfulLogon());
        WriteTuning(data.Path, new RuleTuning(
            [new NoisyRule(TestRules.SuccessfulLogonId, "ồn", "quantri", TestEvents.BaseTime)],
            [new LevelTuning(TestRules.FailedLogonId, "xa-a", "low", "quantri", TestEvents.BaseTime)]));
        var catalog = Catalog(rules.Path, data.Path);

        Assert.DoesNotContain(catalog.Status.Rules, r => r.Id == TestRules.SuccessfulLogonId);
        var matches = new SliceMatches();
        catalog.CreateDetector().Evaluate([Stored(1, "xa-a"), Stored(2, "xa-b"), Stored(3, "xa-a", eventId: 4624)], matches);
        Assert.Equal("low", Assert.Single(matches.MatchesOf(0)).Level);
        Assert.Equal("high", Assert.Single(matches.MatchesOf(1)).Level);
        Assert.Empty(matches.MatchesOf(2));
    }

    [Fact]
    public void The_installed_pack_is_loaded_with_the_profile_and_the_product_pack_whole()
    {
        using var rules = new TempFolder();
        using var data = new TempFolder();
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "success.yml"), TestRules.SuccessfulLogon()); // low: below every profile but kept
        new RulePackInstaller(new RulePackLayout(data.Path), new ManualTimeProvider()).Install(SigmaArchives.Security(temp.Path, "sigma_all.zip"), null, RuleProfile.Default);

        var core = Catalog(rules.Path, data.Path, "core").Status;
        var all = Catalog(rules.Path, data.Path, "all").Status;
        Assert.Contains(core.Rules, r => r.Id == TestRules.SuccessfulLogonId && r.Pack == RuleCatalog.ProductPackName);
        var corePack = core.Rules.Where(r => r.Pack == "sigma_all").ToList();
        Assert.NotEmpty(corePack);
        Assert.All(corePack, r => Assert.Contains(r.Level, new[] { "high", "critical" }));
        Assert.All(corePack, r => Assert.Contains(r.Status, new[] { "stable", "test" }));
        Assert.True(all.Rules.Count(r => r.Pack == "sigma_all") > corePack.Count);
        Assert.Equal(all.Rules.Count(r => r.Pack == "sigma_all") - corePack.Count, core.PackExcludedCount - all.PackExcludedCount);
        Assert.Equal(["Hit", "Hit"], Catalog(rules.Path, data.Path, "core").Status.CacheOutcomes);
    }

    [Fact]
    public void A_reload_keeps_the_count_of_a_correlation_half_way()
    {
        using var rules = new TempFolder();
        using var data = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon("low"));
        File.WriteAllText(Path.Combine(rules.Path, "burst.yml"), $$"""
            title: Burst
            id: 6d0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e99
            correlation:
                type: event_count
                rules: [{{TestRules.FailedLogonId}}]
                group-by: [Computer]
                timespan: 5m
                condition:
                    gte: 5
            level: high
            """);
        var catalog = Catalog(rules.Path, data.Path);
        var matches = new SliceMatches();
        var before = catalog.CreateDetector();
        before.Evaluate(Enumerable.Range(1, 3).Select(i => Stored(i, "xa-a")).ToList(), matches);
        Assert.DoesNotContain(Enumerable.Range(0, 3).SelectMany(matches.MatchesOf), m => m.Title == "Burst");

        catalog.Reload();
        var after = catalog.CreateDetector();
        after.Evaluate(Enumerable.Range(4, 2).Select(i => Stored(i, "xa-a")).ToList(), matches);
        Assert.Contains(matches.MatchesOf(1), m => m.Title == "Burst");
    }
}
