using System.Reflection;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>
/// Over the attack-samples corpus with every shared rule: the engine's detections equal a slow
/// path that evaluates every rule of the event's bucket without the literal prefilter and without
/// the absent-field shortcut (fields looked up one by one). Slow (minutes on a busy machine), so it
/// runs when ATTT_SIGMA_CORPUS_CHECK=1.
/// </summary>
public class PrefilterAgreementTests(SharedRuleSetFixture shared) : IClassFixture<SharedRuleSetFixture>
{
    [Fact]
    public void Engine_detections_equal_the_unfiltered_evaluation_over_the_corpus()
    {
        if (Environment.GetEnvironmentVariable("ATTT_SIGMA_CORPUS_CHECK") != "1")
            Assert.Skip("Set ATTT_SIGMA_CORPUS_CHECK=1 to compare the engine with the unfiltered evaluation over the corpus.");
        var rules = shared.Rules;
        var engine = rules.CreateEngine();
        var slow = new EvaluationContext(rules.Fields);
        var indexOf = rules.Rules.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var differences = new List<string>();
        long events = 0, detections = 0;
        foreach (var file in Directory.EnumerateFiles(Support.Paths.AttackSamples, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var e in EvtxFile.ReadEvents(file))
            {
                events++;
                var fast = engine.Evaluate(e).Select(d => indexOf[d.Rule]).ToHashSet();
                detections += fast.Count;
                var expected = Unfiltered(rules, slow, e);
                foreach (var missing in expected.Except(fast))
                    differences.Add($"MISSED {rules.Rules[missing].Id} {rules.Rules[missing].Title} | {Path.GetFileName(file)} record {e.RecordId}");
                foreach (var extra in fast.Except(expected))
                    differences.Add($"EXTRA {rules.Rules[extra].Id} {rules.Rules[extra].Title} | {Path.GetFileName(file)} record {e.RecordId}");
            }
        }

        TestContext.Current.SendDiagnosticMessage($"{events} events, {detections} detections");
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(50)));
    }

    private static HashSet<int> Unfiltered(SigmaRuleSet rules, EvaluationContext context, EventRecord e)
    {
        var bucket = rules.Router.Find(e.Channel, e.EventId);
        var matched = new HashSet<int>();
        foreach (var v in Variants(bucket))
        {
            // Keywords read the record itself; every other node goes through the one-by-one lookup.
            context.Reset(HasKeywords(v.Root) ? e : new PlainLookup(e));
            if (v.Root.Matches(context)) matched.Add(v.RuleIndex);
        }

        return matched;
    }

    private static IEnumerable<RuleVariant> Variants(RuleBucket bucket) =>
        new[] { "_always", "_filtered" }.SelectMany(name =>
            (RuleVariant[])typeof(RuleBucket).GetField(name, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(bucket)!);

    private static bool HasKeywords(MatchNode node) => node switch
    {
        KeywordNode => true,
        AndNode a => a.Children.Any(HasKeywords),
        _ => Children(node).Any(HasKeywords),
    };

    private static IEnumerable<MatchNode> Children(MatchNode node) =>
        node.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Select(f => f.GetValue(node)).SelectMany(v => v switch
        {
            MatchNode n => [n],
            IEnumerable<MatchNode> ns => ns,
            _ => Enumerable.Empty<MatchNode>(),
        });

    private sealed class PlainLookup(EventRecord e) : IFieldLookup
    {
        public bool TryGetField(string name, out string? value) => e.TryGetField(name, out value);
    }
}
