using ATTT.Monitor.Content.Tests.Support;
using ATTT.Monitor.Content.Tests.Validation;

namespace ATTT.Monitor.Content.Tests;

/// <summary>guidance/sigmahq.vi.yml as shipped: valid, and each entry matches its SigmaHQ rule.</summary>
public sealed class SigmaHqExplanationsTests
{
    private static readonly (IReadOnlyList<SigmaHqExplanation> Entries, List<ContentProblem> Problems) Shipped =
        SigmaHqExplanationsValidator.Validate(ContentPaths.SigmaHqExplanations);

    [Fact]
    public void The_shipped_explanations_are_valid()
    {
        Assert.True(Shipped.Problems.Count == 0, string.Join(Environment.NewLine, Shipped.Problems));
        Assert.True(Shipped.Entries.Count >= 150, $"{Shipped.Entries.Count} entries");
    }

    [Fact]
    public void Every_entry_explains_an_existing_SigmaHQ_rule_under_its_exact_title()
    {
        if (SharedSigma.AllRules is not { } rules)
        {
            Assert.Skip(SharedSigma.Missing);
            return;
        }

        var problems = SigmaHqRuleCheck.Compare(ContentPaths.SigmaHqExplanations, Shipped.Entries, rules);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
