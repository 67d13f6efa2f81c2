using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Detection;

public sealed class RuleCatalogTests
{
    private static RuleCatalog Catalog(string folder) => new(
        Options.Create(new DetectionOptions { RulePaths = [folder] }), new ManualClock(), NullLogger<RuleCatalog>.Instance);

    private static StoredEvent Stored(long id, int eventId, bool drill = false) =>
        new(id, "a_01", "xa-sang-moc", drill, TestEvents.BaseTime, TestEvents.Logon(id, eventId: eventId));

    [Fact]
    public void Loads_the_folder_and_detects_with_the_rules()
    {
        using var rules = new TempDirectory();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        var catalog = Catalog(rules.Path);

        var status = catalog.Status;
        var rule = Assert.Single(status.Rules);
        Assert.Equal(TestRules.FailedLogonId, rule.Id);
        Assert.Null(status.LastAttemptError);
        var detector = catalog.CreateDetector();
        var matches = new List<RuleMatch>();
        detector.Evaluate(Stored(1, 4625), matches);
        detector.Evaluate(Stored(2, 4624), matches);
        var match = Assert.Single(matches);
        Assert.Equal("high", match.Level);
        Assert.Contains("attack.t1110", match.Tags);
    }

    [Fact]
    public void A_new_broken_rule_keeps_the_last_good_set_and_is_reported()
    {
        using var rules = new TempDirectory();
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
        using var rules = new TempDirectory();
        var shipped = Path.Combine(TestPaths.RepositoryRoot(), "rules", RuleCatalog.MappingFileName);
        File.Copy(shipped, Path.Combine(rules.Path, RuleCatalog.MappingFileName));
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        var status = Catalog(rules.Path).Status;
        Assert.Single(status.Rules);
        Assert.Equal(0, status.InvalidCount);
    }

    [Fact]
    public void Default_rule_paths_are_the_nearest_rules_folder_above_the_executable_or_working_directory()
    {
        using var root = new TempDirectory();
        var bin = Directory.CreateDirectory(Path.Combine(root.Path, "app", "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(root.Path, "rules"));
        Assert.Equal([Path.Combine(root.Path, "rules")], RulePathResolver.Resolve([], bin, "/"));
        Assert.Equal([Path.GetFullPath("x", bin)], RulePathResolver.Resolve(["x"], "/", bin));
    }
}
