using ATTT.Monitor.Sigma.Compilation;
using ATTT.Monitor.Sigma.Correlation;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>Parses every document, applies filters, compiles rules per event source, resolves correlations.</summary>
internal sealed class RuleSetBuilder(LogsourceMapping mapping, SigmaLoadOptions options)
{
    private static readonly Dictionary<string, string> NoRenames = new(StringComparer.Ordinal);
    private readonly List<SigmaDiagnostic> _diagnostics = [];
    private readonly List<ParsedRule> _parsedRules = [];
    private readonly List<ParsedFilter> _parsedFilters = [];
    private readonly List<ParsedCorrelation> _parsedCorrelations = [];
    private readonly FieldTable _fields = new();

    public SigmaRuleSet Build(IReadOnlyList<string> files) =>
        BuildFromTexts(files.Select(f => (f, (string?)null)));

    public SigmaRuleSet BuildFromTexts(IEnumerable<(string Path, string? Text)> sources)
    {
        foreach (var (path, text) in sources) ParseFile(path, text);
        var detection = new DetectionCompiler(new ValueCompiler(options.Placeholders), _fields);
        var filtersByRule = ResolveFilters(detection, out var filterCount);

        var rules = new List<SigmaRuleInfo>();
        var unrouted = new List<SigmaRuleInfo>();
        var variants = new List<RuleVariant>();
        var everywhere = new List<RuleVariant>();
        foreach (var rule in _parsedRules)
        {
            var filters = filtersByRule.TryGetValue(rule, out var f) ? f : [];
            var compiled = Guard(rule.Info.Path, rule.Info.Document, rule.Info.Id, () => CompileRule(detection, rule, filters, rules.Count));
            if (compiled is null) continue;
            rules.Add(rule.Info);
            if (compiled.Everywhere is { } e) everywhere.Add(e);
            variants.AddRange(compiled.Variants);
            if (compiled.Variants.Count == 0 && compiled.Everywhere is null) unrouted.Add(rule.Info);
        }

        var correlations = CorrelationResolver.Resolve(_parsedCorrelations, rules, _diagnostics);
        var router = new RuleRouter(variants, everywhere);
        return new SigmaRuleSet(rules, unrouted, correlations, filterCount, _diagnostics, _fields, router);
    }

    private void ParseFile(string path, string? text)
    {
        IReadOnlyList<RuleDocument>? docs = Guard(path, 1, null, () =>
        {
            using var reader = text is null ? new StreamReader(path) : (TextReader)new StringReader(text);
            return RuleFileReader.Read(path, reader);
        });
        if (docs is null) return;
        foreach (var doc in docs)
        {
            switch (Guard(doc.Path, doc.Document, null, () => RuleParser.Parse(doc)))
            {
                case ParsedRule r: _parsedRules.Add(r); break;
                case ParsedFilter f: _parsedFilters.Add(f); break;
                case ParsedCorrelation c: _parsedCorrelations.Add(c); break;
                default: break;
            }
        }
    }

    private Dictionary<ParsedRule, List<ParsedFilter>> ResolveFilters(DetectionCompiler detection, out int loaded)
    {
        loaded = 0;
        var byRef = new Dictionary<string, List<ParsedRule>>(StringComparer.Ordinal);
        foreach (var r in _parsedRules)
        {
            foreach (var key in new[] { r.Info.Id, r.Info.Name })
            {
                if (key is null) continue;
                if (!byRef.TryGetValue(key, out var list)) byRef[key] = list = [];
                list.Add(r);
            }
        }

        var result = new Dictionary<ParsedRule, List<ParsedFilter>>();
        foreach (var filter in _parsedFilters)
        {
            // Compile once on its own so a broken filter is reported against the filter, not the rules.
            if (Guard(filter.Info.Path, filter.Info.Document, filter.Info.Id, () => detection.Compile(filter.Searches, filter.Condition, NoRenames)) is null)
                continue;
            var targets = filter.RuleRefs.SelectMany(r => byRef.TryGetValue(r, out var l) ? l : []).Distinct().ToList();
            if (targets.Count == 0)
            {
                _diagnostics.Add(new SigmaDiagnostic(filter.Info.Path, filter.Info.Document, SigmaDiagnosticKind.Unsupported,
                    $"the filter names no loaded rule ({string.Join(", ", filter.RuleRefs)})", filter.Info.Id));
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

    private RuleCompilation CompileRule(DetectionCompiler detection, ParsedRule rule, List<ParsedFilter> filters, int index)
    {
        var variants = new List<RuleVariant>();
        var sources = mapping.Sources.Where(s => s.Serves(rule.Info.Logsource)).ToList();
        if (sources.Count == 0)
        {
            var root = Combine([], detection, rule, filters, NoRenames);
            var ls = rule.Info.Logsource;
            var everywhere = string.Equals(ls.Product, "windows", StringComparison.OrdinalIgnoreCase) && ls.Category is null && ls.Service is null;
            return new RuleCompilation(variants, everywhere ? new RuleVariant(index, root, [], root.RequiredEventIds) : null);
        }

        foreach (var source in sources)
        {
            var root = Combine(SourcePredicates.For(source, _fields), detection, rule, filters, source.FieldRenames);
            var ids = Intersect(source.EventIds, root.RequiredEventIds);
            if (ids is { Count: 0 }) continue;
            variants.Add(new RuleVariant(index, root, source.Channels, ids));
        }

        return new RuleCompilation(variants, null);
    }

    private static MatchNode Combine(List<MatchNode> nodes, DetectionCompiler detection, ParsedRule rule, List<ParsedFilter> filters, IReadOnlyDictionary<string, string> renames)
    {
        nodes.Add(detection.Compile(rule.Searches, rule.Condition, renames));
        foreach (var f in filters) nodes.Add(detection.Compile(f.Searches, f.Condition, renames));
        return nodes.Count == 1 ? nodes[0] : new AndNode(nodes);
    }

    private static HashSet<int>? Intersect(IReadOnlySet<int>? a, IReadOnlySet<int>? b)
    {
        if (a is null) return b is null ? null : [.. b];
        var set = new HashSet<int>(a);
        if (b is not null) set.IntersectWith(b);
        return set;
    }

    private sealed record RuleCompilation(List<RuleVariant> Variants, RuleVariant? Everywhere);

    private T? Guard<T>(string path, int document, string? id, Func<T> action) where T : class
    {
        try
        {
            return action();
        }
        catch (SigmaRuleException ex)
        {
            _diagnostics.Add(new SigmaDiagnostic(path, document, ex.Kind, ex.Message, id));
        }
        catch (IOException ex)
        {
            _diagnostics.Add(new SigmaDiagnostic(path, document, SigmaDiagnosticKind.Invalid, $"cannot be read ({ex.Message})", id));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One bad rule never stops the others, even through an engine bug; name it plainly.
            _diagnostics.Add(new SigmaDiagnostic(path, document, SigmaDiagnosticKind.Invalid, $"internal error while loading ({ex.GetType().Name}: {ex.Message})", id));
        }

        return null;
    }
}
