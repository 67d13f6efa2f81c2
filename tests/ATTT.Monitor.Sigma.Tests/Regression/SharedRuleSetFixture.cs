namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>All shared SigmaHQ rules, loaded once for the tests that need them.</summary>
public sealed class SharedRuleSetFixture
{
    private readonly Lazy<SigmaRuleSet> _rules = new(() => SigmaRuleSet.Load(Support.Paths.SharedRuleFolders()));

    public SigmaRuleSet Rules => _rules.Value;
}
