using ATTT.Monitor.Sigma.Tests.Support;
using CsCheck;

namespace ATTT.Monitor.Sigma.Tests.Properties;

/// <summary>
/// The engine (parse, compile, route, prefilter, match) and the plain reference evaluator decide
/// the same on generated rules and events. On a disagreement CsCheck shrinks the case and the
/// message shows the rule YAML and the event.
/// </summary>
public class ReferenceAgreementProperties
{
    [Fact]
    public void Modifiers_agree_with_the_reference() =>
        Agree(RuleGenerators.ModifierRule, PropertyRuns.Iterations(2000));

    [Fact]
    public void Conditions_agree_with_the_reference() =>
        Agree(RuleGenerators.ConditionRule(RuleGenerators.SimpleItem), PropertyRuns.Iterations(1000));

    [Fact]
    public void Conditions_over_any_modifiers_agree_with_the_reference() =>
        Agree(RuleGenerators.ConditionRule(RuleGenerators.Item), PropertyRuns.Iterations(500));

    private static void Agree(Gen<GeneratedRule> rules, long iterations)
    {
        var cases = rules.SelectMany(rule => EventGenerators.For(rule).Array[1, 4].Select(events => new PropertyCase(rule, events)));
        long matched = 0, total = 0;
        cases.Sample(c =>
        {
            var yaml = c.Rule.ToYaml();
            var set = SigmaRuleSet.LoadText(yaml);
            if (set.Diagnostics.Count > 0) return false;
            var engine = set.CreateEngine();
            foreach (var e in c.Events)
            {
                var expected = ReferenceEvaluator.Matches(c.Rule, e);
                if (engine.Evaluate(e.ToRecord()).Count > 0 != expected) return false;
                Interlocked.Increment(ref total);
                if (expected) Interlocked.Increment(ref matched);
            }

            return true;
        }, iter: iterations, seed: PropertyRuns.Seed, print: c => c.Describe());

        // A generator whose events never (or always) match would make the agreement meaningless.
        Assert.InRange(matched, total / 10, total - total / 10);
    }
}
