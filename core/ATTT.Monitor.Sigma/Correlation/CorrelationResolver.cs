using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>Resolves the rule references of correlations (by id or name; correlations may chain).</summary>
internal static class CorrelationResolver
{
    /// <param name="rules">Detection rules loaded.</param>
    /// <param name="skipped">
    /// Rules valid but left out by the profile or the channel filter: a reference to one is no error
    /// (it never fires); a correlation all of whose rules are left out is left out too (<paramref name="unusable"/>).
    /// </param>
    public static List<CorrelationDefinition> Resolve(
        IReadOnlyList<ParsedCorrelation> parsed, IReadOnlyList<SigmaRuleInfo> rules, IReadOnlyList<SigmaRuleInfo> skipped,
        List<SigmaDiagnostic> diagnostics, out int unusable)
    {
        unusable = 0;
        var byRef = new Dictionary<string, SigmaRuleInfo>(StringComparer.Ordinal);
        foreach (var r in rules.Concat(parsed.Select(p => p.Info)).Concat(skipped))
        {
            byRef.TryAdd(r.Id, r);
            if (r.Name is not null) byRef.TryAdd(r.Name, r);
        }

        // Left out along chains too: a correlation of left-out correlations can never fire.
        var left = new HashSet<SigmaRuleInfo>(skipped);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var c in parsed)
            {
                if (!left.Contains(c.Info) && c.RuleRefs.All(r => byRef.TryGetValue(r, out var i) && left.Contains(i)))
                    changed |= left.Add(c.Info);
            }
        }

        var result = new List<CorrelationDefinition>();
        foreach (var c in parsed)
        {
            if (left.Contains(c.Info))
            {
                unusable++;
                continue;
            }

            var missing = c.RuleRefs.Where(r => !byRef.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Add(new SigmaDiagnostic(c.Info.Path, c.Info.Document, SigmaDiagnosticKind.Invalid,
                    $"the correlation names rules that are not loaded: {string.Join(", ", missing)}", c.Info.Id));
                continue;
            }

            var refs = c.RuleRefs.Select(r => byRef[r]).ToList();
            if (refs.Contains(c.Info))
            {
                diagnostics.Add(new SigmaDiagnostic(c.Info.Path, c.Info.Document, SigmaDiagnosticKind.Invalid,
                    "the correlation names itself in 'rules'", c.Info.Id));
                continue;
            }

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

            result.Add(new CorrelationDefinition(c.Info, c.Type, refs, c.GroupBy, c.Timespan, c.Condition, c.ValueFields, c.Percentile, aliases));
        }

        RejectCycles(result, diagnostics);

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

    // A chain that comes back to itself (a -> b -> a) would feed its own detections forever.
    private static void RejectCycles(List<CorrelationDefinition> definitions, List<SigmaDiagnostic> diagnostics)
    {
        var byInfo = definitions.ToDictionary(d => d.Info);
        var cyclic = new HashSet<CorrelationDefinition>();
        foreach (var start in definitions)
        {
            var seen = new HashSet<SigmaRuleInfo>();
            var stack = new Stack<SigmaRuleInfo>(start.Rules);
            while (stack.Count > 0)
            {
                var r = stack.Pop();
                if (r == start.Info) { cyclic.Add(start); break; }
                if (!seen.Add(r) || !byInfo.TryGetValue(r, out var next)) continue;
                foreach (var n in next.Rules) stack.Push(n);
            }
        }

        foreach (var d in cyclic)
        {
            definitions.Remove(d);
            diagnostics.Add(new SigmaDiagnostic(d.Info.Path, d.Info.Document, SigmaDiagnosticKind.Invalid,
                "the correlation is part of a chain that refers back to itself", d.Info.Id));
        }
    }
}
