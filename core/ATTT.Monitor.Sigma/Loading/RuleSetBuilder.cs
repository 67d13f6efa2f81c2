using ATTT.Monitor.Sigma.Compilation;
using ATTT.Monitor.Sigma.Correlation;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>
/// From parsed files to a rule set: applies filters, selects by profile and channel, compiles the
/// rules per event source, resolves correlations, and indexes the result by channel and EventID.
/// </summary>
internal sealed class RuleSetBuilder(LogsourceMapping mapping, SigmaLoadOptions options)
{
    private static readonly Dictionary<string, string> NoRenames = new(StringComparer.Ordinal);
    private readonly FieldTable _fields = new();
    private readonly HashSet<string>? _channels = options.Channels is null ? null : new(options.Channels, StringComparer.OrdinalIgnoreCase);

    /// <summary>Time spent per stage, for the benchmark's cold-start breakdown.</summary>
    public LoadTimings Timings { get; } = new();

    public SigmaRuleSet Build(IReadOnlyList<ParsedFile> files)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = files.SelectMany(f => f.Diagnostics).ToList();
        var parsedRules = files.SelectMany(f => f.Rules).ToList();
        var parsedCorrelations = files.SelectMany(f => f.Correlations).ToList();
        var detection = new DetectionCompiler(new ValueCompiler(options.Placeholders), _fields);
        var filtersByRule = FilterResolver.Resolve(parsedRules, files.SelectMany(f => f.Filters).ToList(), detection, diagnostics, out var filterCount);
        var selection = new RuleSelection(parsedRules, parsedCorrelations, options);

        var rules = new List<SigmaRuleInfo>();
        var skipped = new List<SigmaRuleInfo>();
        var unrouted = new List<SigmaRuleInfo>();
        var variants = new List<RuleVariant>();
        var everywhere = new List<RuleVariant>();
        foreach (var rule in parsedRules)
        {
            if (!selection.Includes(rule.Info) || !ForSelectedChannels(rule.Info.Logsource))
            {
                skipped.Add(rule.Info);
                continue;
            }

            var filters = filtersByRule.TryGetValue(rule, out var f) ? f : [];
            var compiled = LoadGuard.Run(diagnostics, rule.Info.Path, rule.Info.Document, rule.Info.Id, () => CompileRule(detection, rule, filters, rules.Count));
            if (compiled is null) continue;
            rules.Add(rule.Info);
            if (compiled.Everywhere is { } e) everywhere.Add(e);
            variants.AddRange(compiled.Variants);
            if (compiled.Variants.Count == 0 && compiled.Everywhere is null) unrouted.Add(rule.Info);
        }

        Timings.Compile = clock.Elapsed;
        clock.Restart();
        var included = parsedCorrelations.Where(c => selection.Includes(c.Info)).ToList();
        var correlations = CorrelationResolver.Resolve(included, rules, skipped, diagnostics, out var unusable);
        var router = new RuleRouter(variants, everywhere);
        Timings.Index = clock.Elapsed;
        var excluded = skipped.Count + parsedCorrelations.Count - included.Count + unusable;
        return new SigmaRuleSet(rules, unrouted, correlations, filterCount, diagnostics, _fields, router, excluded);
    }

    // Channel filter: a rule whose event sources all log to channels absent from the input is not compiled.
    private bool ForSelectedChannels(SigmaLogsource logsource)
    {
        if (_channels is null || IsEverywhere(logsource)) return true;
        return mapping.Sources.Where(s => s.Serves(logsource)).Any(s => s.Channels.Any(_channels.Contains));
    }

    private static bool IsEverywhere(SigmaLogsource ls) =>
        string.Equals(ls.Product, "windows", StringComparison.OrdinalIgnoreCase) && ls.Category is null && ls.Service is null;

    private RuleCompilation CompileRule(DetectionCompiler detection, ParsedRule rule, List<ParsedFilter> filters, int index)
    {
        var variants = new List<RuleVariant>();
        var sources = mapping.Sources.Where(s => s.Serves(rule.Info.Logsource)).ToList();
        if (sources.Count == 0)
        {
            var root = Combine([], detection, rule, filters, NoRenames);
            return new RuleCompilation(variants, IsEverywhere(rule.Info.Logsource) ? new RuleVariant(index, root, [], root.RequiredEventIds) : null);
        }

        foreach (var source in sources)
        {
            var channels = _channels is null ? source.Channels : source.Channels.Where(_channels.Contains).ToList();
            if (channels.Count == 0) continue;
            var root = Combine(SourcePredicates.For(source, _fields), detection, rule, filters, source.FieldRenames);
            var ids = Intersect(source.EventIds, root.RequiredEventIds);
            if (ids is { Count: 0 }) continue;
            variants.Add(new RuleVariant(index, root, channels, ids));
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
}
