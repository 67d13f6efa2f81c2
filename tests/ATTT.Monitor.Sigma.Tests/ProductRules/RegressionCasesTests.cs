using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// Every product rule's regression cases (Cases/…), run through the engine and the correlation
/// engine: events that must raise the rule's alert, near misses that must not, and real EVTX
/// samples from ../shared the rule must catch. Every alerting rule needs at least one case of each kind.
/// </summary>
public class RegressionCasesTests
{
    [Fact]
    public void Every_product_rule_passes_its_regression_cases()
    {
        var rules = ProductRuleFiles.Rules;
        var failures = new List<string>();
        var samples = new Dictionary<string, IReadOnlyList<EventRecord>>(StringComparer.Ordinal);
        var checkedCases = 0;
        foreach (var ruleFile in ProductRuleFiles.RuleFiles())
        {
            var shown = ProductRuleFiles.Show(ruleFile);
            var inFile = ProductRuleFiles.RulesIn(ruleFile);
            var alerting = inFile.Where(r => r.GeneratesAlerts).ToList();
            var caseFile = ProductRuleFiles.CaseFileFor(ruleFile);
            if (!File.Exists(caseFile))
            {
                failures.Add($"{shown}: no regression cases; write {ProductRuleFiles.Show(caseFile)}");
                continue;
            }

            CaseFile cases;
            try
            {
                cases = CaseFile.Load(caseFile);
            }
            catch (CaseFormatException ex)
            {
                failures.Add($"{ProductRuleFiles.Show(ex.FilePath)}:{ex.Line}: {ex.Reason}");
                continue;
            }

            var matched = new HashSet<string>(StringComparer.Ordinal);
            var missed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in cases.Cases)
            {
                checkedCases++;
                var where = $"{shown}: case '{c.Name}' ({ProductRuleFiles.Show(caseFile)} line {c.Line})";
                if (!TryTargets(c.RuleId, inFile, alerting, c.ShouldMatch, out var targets, out var problem))
                {
                    failures.Add($"{where}: {problem}");
                    continue;
                }

                var alerts = CaseRunner.Alerts(rules, c.Events);
                foreach (var target in targets)
                {
                    var got = alerts.Count(a => a == target.Id);
                    var expected = c.ShouldMatch ? c.Count : 0;
                    if (got != expected)
                        failures.Add($"{where}: expected {expected} alert(s) of {target.Id} '{target.Title}', got {got} (alerts raised: {string.Join(", ", alerts.Distinct())})");
                    (c.ShouldMatch ? matched : missed).Add(target.Id);
                }
            }

            foreach (var s in cases.Samples)
            {
                var where = $"{shown}: sample '{s.File}' ({ProductRuleFiles.Show(caseFile)} line {s.Line})";
                if (!TryTargets(s.RuleId, inFile, alerting, true, out var targets, out var problem))
                {
                    failures.Add($"{where}: {problem}");
                    continue;
                }

                var path = Path.Combine(Paths.Shared, s.File);
                if (!File.Exists(path))
                {
                    failures.Add($"{where}: the file does not exist under ../shared");
                    continue;
                }

                if (!samples.TryGetValue(path, out var events)) samples[path] = events = EvtxFile.ReadEvents(path).ToList();
                var got = CaseRunner.Alerts(rules, events).Count(a => a == targets[0].Id);
                if (got < s.Min) failures.Add($"{where}: expected at least {s.Min} alert(s) of {targets[0].Id} '{targets[0].Title}', got {got}");
                matched.Add(targets[0].Id);
            }

            foreach (var r in alerting)
            {
                if (!matched.Contains(r.Id)) failures.Add($"{shown}: rule {r.Id} '{r.Title}' has no match case");
                if (!missed.Contains(r.Id)) failures.Add($"{shown}: rule {r.Id} '{r.Title}' has no no_match case");
            }
        }

        foreach (var orphan in ProductRuleFiles.CaseFiles().Where(f => !File.Exists(ProductRuleFiles.RuleFileFor(f))))
            failures.Add($"{ProductRuleFiles.Show(orphan)}: no rule file {ProductRuleFiles.Show(ProductRuleFiles.RuleFileFor(orphan))}");

        Assert.True(failures.Count == 0, $"{failures.Count} regression failure(s) in {checkedCases} cases:\n" + string.Join("\n", failures));
        Assert.True(checkedCases > 0, "no regression cases were found");
    }

    /// <summary>The rules a case is about: the one named, or every alerting rule of the file (a match case needs exactly one).</summary>
    private static bool TryTargets(string? ruleId, IReadOnlyList<SigmaRuleInfo> inFile, IReadOnlyList<SigmaRuleInfo> alerting, bool shouldMatch,
        out IReadOnlyList<SigmaRuleInfo> targets, out string problem)
    {
        problem = "";
        if (ruleId is not null)
        {
            targets = inFile.Where(r => r.Id == ruleId || r.Name == ruleId || r.Title == ruleId).ToList();
            if (targets.Count == 0) problem = $"rule '{ruleId}' is not loaded from this rule file";
            else if (!targets[0].GeneratesAlerts) problem = $"rule '{ruleId}' only feeds a correlation; name the correlation";
            return problem.Length == 0;
        }

        targets = alerting;
        if (alerting.Count == 0) problem = "the rule file raises no alerts (did it load?)";
        else if (shouldMatch && alerting.Count > 1) problem = $"the rule file has {alerting.Count} alerting rules; say which with 'rule:'";
        return problem.Length == 0;
    }
}
