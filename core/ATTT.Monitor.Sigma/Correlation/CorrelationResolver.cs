using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>Resolves the rule references of correlations (by id or name; correlations may chain).</summary>
internal static class CorrelationResolver
{
    public static List<CorrelationDefinition> Resolve(IReadOnlyList<ParsedCorrelation> parsed, IReadOnlyList<SigmaRuleInfo> rules, List<SigmaDiagnostic> diagnostics)
    {
        var byRef = new Dictionary<string, SigmaRuleInfo>(StringComparer.Ordinal);
        foreach (var r in rules.Concat(parsed.Select(p => p.Info)))
        {
            byRef.TryAdd(r.Id, r);
            if (r.Name is not null) byRef.TryAdd(r.Name, r);
        }

        var result = new List<CorrelationDefinition>();
        foreach (var c in parsed)
        {
            var missing = c.RuleRefs.Where(r => !byRef.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Add(new SigmaDiagnostic(c.Info.Path, c.Info.Document, SigmaDiagnosticKind.Invalid,
                    $"the correlation names rules that are not loaded: {string.Join(", ", missing)}", c.Info.Id));
                continue;
            }

            var refs = c.RuleRefs.Select(r => byRef[r]).ToList();
            var aliases = new Dictionary<SigmaRuleInfo, IReadOnlyDictionary<string, string>>();
            foreach (var (alias, perRule) in c.Aliases)
            {
                foreach (var (ruleName, field) in perRule)
                {
                    if (!byRef.TryGetValue(ruleName, out var info)) continue;
                    if (!aliases.TryGetValue(info, out var map)) aliases[info] = map = new Dictionary<string, string>(StringComparer.Ordinal);
                    ((Dictionary<string, string>)map)[alias] = field;
                }
            }

            result.Add(new CorrelationDefinition(c.Info, c.Type, refs, c.GroupBy, c.Timespan, c.Condition, c.ValueField, aliases));
        }

        // generate: false (the default) keeps referenced rules from alerting on their own.
        var generating = new HashSet<SigmaRuleInfo>(parsed.Where(p => p.Generate).SelectMany(p => p.RuleRefs).Where(byRef.ContainsKey).Select(r => byRef[r]));
        foreach (var def in result)
        {
            foreach (var r in def.Rules)
            {
                if (!generating.Contains(r)) r.GeneratesAlerts = false;
            }
        }

        return result;
    }
}
