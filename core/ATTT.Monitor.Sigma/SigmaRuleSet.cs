using ATTT.Monitor.Sigma.Caching;
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
        RuleRouter router,
        int excluded)
    {
        Rules = rules;
        UnroutedRules = unrouted;
        CorrelationDefinitions = correlations;
        FilterCount = filters;
        Diagnostics = diagnostics;
        Fields = fields;
        Router = router;
        ExcludedCount = excluded;
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

    /// <summary>Valid rules and correlations left out on purpose: by the profile (status, level, excluded ids) or the channel filter.</summary>
    public int ExcludedCount { get; }

    /// <summary>Rules, correlations and filters loaded.</summary>
    public int LoadedCount => Rules.Count + CorrelationDefinitions.Count + FilterCount;

    public int UnsupportedCount => Diagnostics.Count(d => d.Kind == SigmaDiagnosticKind.Unsupported);
    public int InvalidCount => Diagnostics.Count(d => d.Kind == SigmaDiagnosticKind.Invalid);

    /// <summary>How the compiled-rule cache served this load (<see cref="SigmaCacheOutcome.NotUsed"/> without a cache folder).</summary>
    public SigmaCacheReport Cache { get; internal set; } = SigmaCacheReport.NotUsed;

    internal IReadOnlyList<CorrelationDefinition> CorrelationDefinitions { get; }
    internal FieldTable Fields { get; }
    internal RuleRouter Router { get; }
    internal LoadTimings Timings { get; set; } = new();

    /// <summary>
    /// Loads every rule under <paramref name="paths"/> (files or folders, read recursively). A rule
    /// that cannot be loaded is listed in <see cref="Diagnostics"/> and never stops the others.
    /// With <see cref="SigmaLoadOptions.CacheDirectory"/> set, the compiled set is kept there and
    /// reused while the rule files, the mapping, the options and the engine are unchanged.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="SigmaMappingException">The mapping file given in the options is invalid.</exception>
    public static SigmaRuleSet Load(IEnumerable<string> paths, SigmaLoadOptions? options = null)
    {
        options ??= new SigmaLoadOptions();
        var roots = paths.ToList();
        var files = RuleFileEnumerator.EnumerateWithStatus(roots);
        var mappingText = MappingText(options);
        if (options.CacheDirectory is { } cache)
            return new RuleSetCache(cache, options, mappingText, roots.Select(Path.GetFullPath).ToList()).Load(files);
        return BuildFromFiles(files.Select(f => (f.Path, (string?)null)), options, mappingText);
    }

    /// <summary>Loads rules from YAML text (tests, rules stored elsewhere).</summary>
    public static SigmaRuleSet LoadText(string yaml, SigmaLoadOptions? options = null, string name = "<text>")
    {
        options ??= new SigmaLoadOptions();
        return BuildFromFiles([(name, yaml)], options, MappingText(options));
    }

    internal static SigmaRuleSet BuildFromFiles(IEnumerable<(string Path, string? Text)> sources, SigmaLoadOptions options, string mappingText)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parsed = sources.Select(s => ParsedFile.Parse(s.Path, s.Text)).ToList();
        var parse = clock.Elapsed;
        return Build(parsed, options, mappingText, parse);
    }

    internal static SigmaRuleSet Build(IReadOnlyList<ParsedFile> parsed, SigmaLoadOptions options, string mappingText, TimeSpan parse)
    {
        var builder = new RuleSetBuilder(LogsourceMapping.Parse(new StringReader(mappingText), MappingName(options)), options);
        var set = builder.Build(parsed);
        builder.Timings.Parse = parse;
        set.Timings = builder.Timings;
        return set;
    }

    /// <summary>The mapping's text: the given file or the shipped one (it is part of the cache key).</summary>
    /// <exception cref="SigmaMappingException">The mapping file cannot be read or is invalid.</exception>
    internal static string MappingText(SigmaLoadOptions options)
    {
        string text;
        try
        {
            text = options.MappingPath is null ? LogsourceMapping.DefaultText() : File.ReadAllText(options.MappingPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SigmaMappingException($"{options.MappingPath}: cannot be read ({ex.Message}).", ex);
        }

        // Parsed once here so a bad mapping is reported before any rule is read.
        LogsourceMapping.Parse(new StringReader(text), MappingName(options));
        return text;
    }

    private static string MappingName(SigmaLoadOptions options) => options.MappingPath ?? "logsource-mapping.yml (built in)";

    /// <summary>
    /// Decodes now what a set read from the compiled-rule cache would decode when events first need it
    /// (every channel's and EventID's matchers and prefilters); the set then no longer reads the cache
    /// file, whose mapping is released. Thread-safe; engines may evaluate meanwhile. A long-running
    /// host calls it in the background after a load, so that no event waits for a decode and nothing
    /// depends on the file staying as it was.
    /// </summary>
    /// <exception cref="InvalidOperationException">A part of the cache cannot be decoded (a defect: the file's checksums were verified when it was opened).</exception>
    public void DecodeAll() => Router.DecodeAll();

    /// <summary>A new evaluator for one thread.</summary>
    public SigmaEngine CreateEngine() => new(this);

    /// <summary>A new correlation state machine (one per time-ordered stream).</summary>
    public SigmaCorrelationEngine CreateCorrelationEngine(SigmaLoadOptions? options = null) =>
        new(CorrelationDefinitions, (options ?? new SigmaLoadOptions()).MaxCorrelationGroups);
}
