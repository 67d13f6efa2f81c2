using System.Text;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>One generated rule with the events tried against it; <see cref="Describe"/> is what a failure prints.</summary>
internal sealed record PropertyCase(GeneratedRule Rule, IReadOnlyList<GeneratedEvent> Events)
{
    public string Describe()
    {
        var s = new StringBuilder().AppendLine().AppendLine(Rule.ToYaml());
        var set = SigmaRuleSet.LoadText(Rule.ToYaml());
        foreach (var d in set.Diagnostics) s.AppendLine($"engine diagnostic: {d}");
        var engine = set.Diagnostics.Count == 0 ? set.CreateEngine() : null;
        foreach (var e in Events)
        {
            var got = engine is null ? "-" : (engine.Evaluate(e.ToRecord()).Count > 0).ToString();
            s.AppendLine($"{e}  reference={ReferenceEvaluator.Matches(Rule, e)} engine={got}");
        }

        return s.ToString();
    }
}
