namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>`attt rules check` over every shared SigmaHQ rule: at least 99% load, the rest are named.</summary>
public class SharedRulesCheckTests(SharedRuleSetFixture fixture) : IClassFixture<SharedRuleSetFixture>
{
    [Fact]
    public void At_least_99_percent_of_the_shared_rules_load()
    {
        var rules = fixture.Rules;
        var total = rules.LoadedCount + rules.Diagnostics.Count;
        Assert.True(total > 3500, $"only {total} rules found");
        var share = (double)rules.LoadedCount / total;
        Assert.True(share >= 0.99, $"{rules.LoadedCount} of {total} loaded ({share:P2}); not loaded:\n{string.Join('\n', rules.Diagnostics)}");
    }

    [Fact]
    public void Every_rule_not_loaded_has_a_named_reason_and_none_is_an_engine_failure()
    {
        foreach (var d in fixture.Rules.Diagnostics)
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Reason), d.ToString());
            Assert.DoesNotContain("internal error", d.Reason, StringComparison.Ordinal);
        }

        Assert.Equal(0, fixture.Rules.InvalidCount);
    }

    [Fact]
    public void Windows_rules_of_mapped_categories_are_all_routed()
    {
        // A Windows rule that loads but reaches no channel would be dropped in practice: only
        // categories that have no standard Windows event (ETW-only) may stay unrouted.
        var allowed = new HashSet<string?>(StringComparer.Ordinal) { "file_access", "file_rename", "registry_rename" };
        var silent = fixture.Rules.UnroutedRules
            .Where(r => r.Logsource.Product == "windows" && !allowed.Contains(r.Logsource.Category))
            .Select(r => $"{r.Path}: {r.Logsource}").ToList();
        Assert.True(silent.Count == 0, string.Join('\n', silent));
    }
}
