using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Detection;

/// <summary>
/// The field mapping compiles into every rule: a changed mapping is never served from the compiled
/// rules of the old one, and a running collector reloads when a configured mapping outside the
/// rule folders changes.
/// </summary>
public sealed class MappingCacheTests
{
    private const string RuleId = "3c1d2a40-5b6e-4f70-8a91-b2c3d4e5f601";

    // A logsource of its own, so the test mapping alone decides which event field "Account" is.
    private const string Rule = $$"""
        title: Tài khoản kiểm thử / Test account
        id: {{RuleId}}
        status: test
        level: high
        logsource: { product: windows, category: test_account }
        detection:
            selection: { Account: 'nguyễn.văn.a' }
            condition: selection
        """;

    private static string Mapping(string target) =>
        $"sources:\n  - {{ product: windows, category: test_account, channel: Security, event_ids: [4625], fields: {{ Account: {target} }} }}\n";

    private static int Matches(RuleCatalog catalog)
    {
        var matches = new SliceMatches();
        catalog.CreateDetector().Evaluate([new StoredEvent(1, "a_01", "xa-a", false, TestEvents.BaseTime, TestEvents.Logon(1))], matches);
        return matches.MatchesOf(0).Count;
    }

    [Fact]
    public void A_changed_mapping_compiles_the_rules_again_instead_of_reading_the_cached_ones()
    {
        using var rules = new TempFolder();
        using var data = new TempFolder();
        using var config = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "account.yml"), Rule);
        var mapping = Path.Combine(config.Path, "mapping.yml");
        File.WriteAllText(mapping, Mapping("TargetUserName"));
        var catalog = new RuleCatalog(Options.Create(new DetectionOptions { RulePaths = [rules.Path], MappingPath = mapping }),
            new ManualTimeProvider(), NullLogger<RuleCatalog>.Instance, DataDirectoryOptions.For(data.Path));

        Assert.Equal(1, Matches(catalog));
        Assert.Equal("Created", catalog.Status.CacheOutcomes[0]);
        catalog.Reload();
        Assert.Equal("Hit", catalog.Status.CacheOutcomes[0]);

        // Same length, same folder: only the content differs.
        File.WriteAllText(mapping, Mapping("SubjectUserSid"));
        catalog.Reload();
        Assert.Equal("Rebuilt", catalog.Status.CacheOutcomes[0]);
        Assert.Equal(0, Matches(catalog));

        // The same content at another path is another mapping too.
        var moved = Path.Combine(config.Path, "other.yml");
        File.WriteAllText(moved, Mapping("TargetUserName"));
        var elsewhere = new RuleCatalog(Options.Create(new DetectionOptions { RulePaths = [rules.Path], MappingPath = moved }),
            new ManualTimeProvider(), NullLogger<RuleCatalog>.Instance, DataDirectoryOptions.For(data.Path));
        Assert.Equal(1, Matches(elsewhere));
        Assert.NotEqual("Hit", elsewhere.Status.CacheOutcomes[0]);
    }

    [Fact]
    public async Task A_running_collector_reloads_when_its_configured_mapping_changes()
    {
        using var rules = new TempFolder();
        using var config = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "account.yml"), Rule);
        var mapping = Path.Combine(config.Path, "mapping.yml");
        File.WriteAllText(mapping, Mapping("TargetUserName"));
        await using var collector = await TestCollector.StartAsync(
            $"--Detection:RulePaths:0={rules.Path}", $"--Detection:MappingPath={mapping}", "--Detection:ReloadDebounce=00:00:00.200");
        var catalog = collector.Services.GetRequiredService<RuleCatalog>();
        await Eventually.UntilAsync(() => catalog.Status.Rules.Count == 1, "the rules are loaded");
        Assert.Equal(1, Matches(catalog));
        var version = catalog.Version;

        // Written again now and then while waiting: the watcher starts after the first load, which the
        // test's own reads may have made; rewriting on every poll would keep the debounce from settling.
        File.WriteAllText(mapping, Mapping("IpAddress"));
        var sinceWrite = System.Diagnostics.Stopwatch.StartNew();
        await Eventually.UntilAsync(() =>
        {
            if (catalog.Version > version)
                return true;
            if (sinceWrite.Elapsed > TimeSpan.FromSeconds(2))
            {
                File.WriteAllText(mapping, Mapping("IpAddress"));
                sinceWrite.Restart();
            }

            return false;
        }, "the catalog reloads after the mapping changed");
        Assert.Equal(0, Matches(catalog));
        Assert.Equal("Rebuilt", catalog.Status.CacheOutcomes[0]);
    }
}
