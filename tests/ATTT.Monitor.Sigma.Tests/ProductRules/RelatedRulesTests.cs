using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// The product rules name their SigmaHQ twins in <c>related:</c>, so one event matched by both counts
/// once in the collector. A twin must be a SigmaHQ Windows rule that exists, or the pairing is lost silently.
/// </summary>
public sealed class RelatedRulesTests
{
    [Fact]
    public void Every_related_id_of_a_product_rule_is_a_SigmaHQ_Windows_rule()
    {
        var sigmaHq = SigmaRuleSet.Load([Path.Combine(Paths.Shared, "sigma", "rules", "windows")]).Rules
            .Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var naming = ProductRuleFiles.Rules.Rules.Where(r => r.Related.Count > 0).ToList();

        Assert.True(naming.Count >= 30, $"only {naming.Count} product rules name a SigmaHQ twin");
        Assert.Empty(naming.SelectMany(r => r.Related.Where(x => !sigmaHq.Contains(x.Id)).Select(x => $"{ProductRuleFiles.Show(r.Path)} ({r.Id}): related {x.Id} is not a SigmaHQ Windows rule")));
        Assert.All(naming.SelectMany(r => r.Related), x => Assert.Equal("similar", x.Type));
    }
}
