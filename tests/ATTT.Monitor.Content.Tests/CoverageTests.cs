using ATTT.Monitor.Content.Tests.Support;
using ATTT.Monitor.Content.Tests.Validation;

namespace ATTT.Monitor.Content.Tests;

/// <summary>
/// Every ATT&amp;CK tactic and technique that a rule can carry has a Vietnamese entry, so that any
/// incident can be explained: the SigmaHQ Windows rules of ../shared and the product's own rules.
/// Groups (g…), software (s…) and data sources (ds…) name no tactic or technique and are counted apart.
/// </summary>
public sealed class CoverageTests
{
    private static readonly AttackTable Table = AttackTableValidator.Validate(ContentPaths.AttackTable).Table;

    [Fact]
    public void Every_tactic_and_technique_tag_of_the_SigmaHQ_Windows_rules_is_in_the_table()
    {
        if (SharedSigma.WindowsRules is not { } rules)
        {
            Assert.Skip(SharedSigma.Missing);
            return;
        }

        var coverage = Measure(rules);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"SigmaHQ Windows rules: {rules.Rules.Count}; distinct tactic/technique tags {coverage.Distinct}, " +
            $"in the table {coverage.Distinct - coverage.Missing.Count}; tag uses {coverage.Uses}, " +
            $"covered {coverage.CoveredUses}; group/software/data-source tags set apart: {coverage.OtherObjects}");
        Assert.True(coverage.Missing.Count == 0, "not in attack.vi.yml: " + string.Join(", ", coverage.Missing));
        Assert.Empty(rules.Unreadable);
    }

    [Fact]
    public void Every_tag_of_the_product_rules_is_in_the_table()
    {
        var coverage = Measure(SigmaRuleIndex.Load([ContentPaths.ProductRules]));
        Assert.True(coverage.Distinct > 0, "the product rules carry no ATT&CK tags");
        Assert.True(coverage.Missing.Count == 0, "not in attack.vi.yml: " + string.Join(", ", coverage.Missing));
    }

    private static (int Distinct, int Uses, int CoveredUses, int OtherObjects, List<string> Missing) Measure(SigmaRuleIndex rules)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        int uses = 0, covered = 0, others = 0;
        foreach (var name in rules.Rules.SelectMany(r => r.Tags).Where(AttackTag.IsAttack).Select(AttackTag.Name))
        {
            if (AttackTag.IsOtherObject(name))
            {
                others++;
                continue;
            }

            uses++;
            distinct.Add(name);
            var known = AttackTag.IsTechnique(name) ? Table.TechniqueCategories.ContainsKey(name) : Table.ResolveTactic(name) is not null;
            if (known)
                covered++;
            else
                missing.Add(name);
        }

        return (distinct.Count, uses, covered, others, [.. missing]);
    }
}
