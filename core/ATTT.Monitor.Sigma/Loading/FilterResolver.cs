using ATTT.Monitor.Sigma.Compilation;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>
/// Applies Sigma filters: each goes to the rules it names (by id or name; every rule with
/// <c>rules: any</c>) whose logsource its own logsource contains.
/// </summary>
internal static class FilterResolver
{
    private static readonly Dictionary<string, string> NoRenames = new(StringComparer.Ordinal);

    public static Dictionary<ParsedRule, List<ParsedFilter>> Resolve(
        IReadOnlyList<ParsedRule> rules, IReadOnlyList<ParsedFilter> filters, DetectionCompiler detection, List<SigmaDiagnostic> diagnostics, out int loaded)
    {
        loaded = 0;
        var byRef = new Dictionary<string, List<ParsedRule>>(StringComparer.Ordinal);
        foreach (var r in rules)
        {
            foreach (var key in new[] { r.Info.Id, r.Info.Name })
            {
                if (key is null) continue;
                if (!byRef.TryGetValue(key, out var list)) byRef[key] = list = [];
                list.Add(r);
            }
        }

        var result = new Dictionary<ParsedRule, List<ParsedFilter>>();
        foreach (var filter in filters)
        {
            // Compiled once on its own so a broken filter is reported against the filter, not the rules.
            if (LoadGuard.Run(diagnostics, filter.Info.Path, filter.Info.Document, filter.Info.Id,
                    () => detection.Compile(filter.Searches, filter.Condition, NoRenames)) is null)
                continue;
            var named = filter.AnyRule ? rules : filter.RuleRefs.SelectMany(r => byRef.TryGetValue(r, out var l) ? l : []).Distinct().ToList();
            var targets = named.Where(r => filter.Covers(r.Info.Logsource)).ToList();
            if (targets.Count == 0)
            {
                var what = filter.AnyRule ? "any rule" : string.Join(", ", filter.RuleRefs);
                diagnostics.Add(new SigmaDiagnostic(filter.Info.Path, filter.Info.Document, SigmaDiagnosticKind.Unsupported,
                    $"the filter names no loaded rule of its logsource {filter.Info.Logsource} ({what})", filter.Info.Id));
                continue;
            }

            loaded++;
            foreach (var t in targets)
            {
                if (!result.TryGetValue(t, out var list)) result[t] = list = [];
                list.Add(filter);
            }
        }

        return result;
    }
}
