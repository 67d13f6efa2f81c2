using ATTT.Monitor.Sigma.Correlation;
using ATTT.Monitor.Sigma.Loading;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma;

/// <summary>
/// Rules loaded and compiled once: parse (YAML to rule AST), compile (AST to matcher tree with
/// field names resolved through the logsource mapping), index (by channel and EventID, with a
/// literal prefilter). Immutable and shareable between threads; each thread evaluates through its
/// own <see cref="SigmaEngine"/>.
/// </summary>
public sealed class SigmaRuleSet
{
    internal SigmaRuleSet(
        IReadOnlyList<SigmaRuleInfo> rules,
        IReadOnlyList<SigmaRuleInfo> unrouted,
        IReadOnlyList<CorrelationDefinition> correlations,
        int filters,
        IReadOnlyList<SigmaDiagnostic> diagnostics,
        FieldTable fields,
        RuleRouter router)
    {
        Rules = rules;
        UnroutedRules = unrouted;
        CorrelationDefinitions = correlations;
        FilterCount = filters;
        Diagnostics = diagnostics;
        Fields = fields;
        Router = router;
    }

    /// <summary>Detection rules loaded (in load order; a detection's rule is one of these).</summary>
    public IReadOnlyList<SigmaRuleInfo> Rules { get; }

    /// <summary>Loaded rules whose logsource no mapped Windows source serves: they cannot match EVTX events.</summary>
    public IReadOnlyList<SigmaRuleInfo> UnroutedRules { get; }

    /// <summary>Correlation rules loaded.</summary>
    public IReadOnlyList<SigmaRuleInfo> Correlations => CorrelationDefinitions.Select(c => c.Info).ToList();

    /// <summary>Sigma filters loaded and applied.</summary>
    public int FilterCount { get; }

    /// <summary>Every rule, filter or correlation not loaded, with its reason.</summary>
    public IReadOnlyList<SigmaDiagnostic> Diagnostics { get; }

    /// <summary>Rules, correlations and filters loaded.</summary>
    public int LoadedCount => Rules.Count + CorrelationDefinitions.Count + FilterCount;

    public int UnsupportedCount => Diagnostics.Count(d => d.Kind == SigmaDiagnosticKind.Unsupported);
    public int InvalidCount => Diagnostics.Count(d => d.Kind == SigmaDiagnosticKind.Invalid);

    internal IReadOnlyList<CorrelationDefinition> CorrelationDefinitions { get; }
    internal FieldTable Fields { get; }
    internal RuleRouter Router { get; }

    /// <summary>
    /// Loads every rule under <paramref name="paths"/> (files or folders, read recursively). A rule
    /// that cannot be loaded is listed in <see cref="Diagnostics"/> and never stops the others.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="SigmaMappingException">The mapping file given in the options is invalid.</exception>
    public static SigmaRuleSet Load(IEnumerable<string> paths, SigmaLoadOptions? options = null)
    {
        options ??= new SigmaLoadOptions();
        var mapping = options.MappingPath is null ? LogsourceMapping.Default() : LogsourceMapping.Load(options.MappingPath);
        return new RuleSetBuilder(mapping, options).Build(RuleFileEnumerator.Enumerate(paths));
    }

    /// <summary>Loads rules from YAML text (tests, rules stored elsewhere).</summary>
    public static SigmaRuleSet LoadText(string yaml, SigmaLoadOptions? options = null, string name = "<text>")
    {
        options ??= new SigmaLoadOptions();
        var mapping = options.MappingPath is null ? LogsourceMapping.Default() : LogsourceMapping.Load(options.MappingPath);
        return new RuleSetBuilder(mapping, options).BuildFromTexts([(name, yaml)]);
    }

    /// <summary>A new evaluator for one thread.</summary>
    public SigmaEngine CreateEngine() => new(this);

    /// <summary>A new correlation state machine (one per time-ordered stream).</summary>
    public SigmaCorrelationEngine CreateCorrelationEngine(SigmaLoadOptions? options = null) =>
        new(CorrelationDefinitions, (options ?? new SigmaLoadOptions()).MaxCorrelationGroups);
}
