using ATTT.Monitor.Sigma;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// The rule set in service (<see cref="IDetectorSource"/>). Loads the rule folders with the Sigma
/// engine; a reload that finds an invalid rule, or fails outright, is refused and reported while the
/// last good set stays in service. Thread-safe; loading happens on first use so no event is ever
/// evaluated before the rules are there.
/// </summary>
public sealed class RuleCatalog : IDetectorSource
{
    public const string MappingFileName = "logsource-mapping.yml";

    private readonly Lock _gate = new();
    private readonly DetectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleCatalog> _logger;
    private SigmaRuleSet? _current;
    private RuleCatalogStatus _status = RuleCatalogStatus.Empty;
    private long _version;
    private bool _loaded;

    public RuleCatalog(IOptions<DetectionOptions> options, TimeProvider time, ILogger<RuleCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        Paths = RulePathResolver.Resolve(_options.RulePaths, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
    }

    public IReadOnlyList<string> Paths { get; }

    public long Version
    {
        get
        {
            EnsureLoaded();
            return Interlocked.Read(ref _version);
        }
    }

    public RuleCatalogStatus Status
    {
        get
        {
            EnsureLoaded();
            return _status;
        }
    }

    public IDetector CreateDetector()
    {
        EnsureLoaded();
        var current = _current;
        return current is null ? new NoRulesDetector() : new SigmaDetector(current, LoadOptions(), _options.Workers);
    }

    public void EnsureLoaded()
    {
        lock (_gate)
        {
            if (!_loaded)
                Reload();
        }
    }

    /// <summary>Loads the rule folders again; keeps the current set if the new one is broken.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _loaded = true;
            var now = _time.GetUtcNow();
            if (Paths.Count == 0)
            {
                _status = _status with { LastAttemptAt = now, LastAttemptError = "Không tìm thấy thư mục luật / no rule folder found (set Detection:RulePaths)." };
                _logger.LogWarning("No rule folder found; set Detection:RulePaths");
                return;
            }

            SigmaRuleSet set;
            try
            {
                set = SigmaRuleSet.Load(RuleFiles(), LoadOptions());
            }
            catch (Exception ex)
            {
                Refuse(now, ex.Message);
                return;
            }

            // Refuse only new breakage: a file that was already invalid in the set in service must
            // not block every later fix of other files.
            var broken = set.Diagnostics.Where(d => d.Kind == SigmaDiagnosticKind.Invalid && !InvalidBefore(d.Path)).ToList();
            if (_current is not null && broken.Count > 0)
            {
                Refuse(now, $"{broken.Count} luật lỗi, giữ bộ luật cũ / {broken.Count} invalid rule(s), keeping the last good set: {broken[0]}");
                return;
            }

            _current = set;
            // Reading thousands of YAML files leaves hundreds of MB of garbage on a heap that a busy
            // collector may not collect fully for a long time; a reload is rare, so give it back now.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var rules = set.Rules.Where(r => r.GeneratesAlerts).Concat(set.Correlations)
                .Select(r => new LoadedRule(r.Id, r.Title, r.LevelName, r.Path, r.IsCorrelation)).ToList();
            var version = Interlocked.Increment(ref _version);
            _status = new RuleCatalogStatus(Paths, now, version, rules, set.UnsupportedCount, set.InvalidCount,
                set.Diagnostics.Select(d => d.ToString()).ToList(), now, null);
            if (_logger.IsEnabled(LogLevel.Information))
                _logger.LogInformation("Rules loaded: {Loaded} in service, {Unsupported} unsupported, {Invalid} invalid, from {Paths}",
                    rules.Count, set.UnsupportedCount, set.InvalidCount, string.Join(", ", Paths));
        }
    }

    private void Refuse(DateTimeOffset now, string reason)
    {
        _status = _status with { Paths = Paths, LastAttemptAt = now, LastAttemptError = reason };
        _logger.LogError("Rule reload refused, the previous rules stay in service: {Reason}", reason);
    }

    private bool InvalidBefore(string path) =>
        _current is { } current && current.Diagnostics.Any(d => d.Kind == SigmaDiagnosticKind.Invalid && d.Path == path);

    /// <summary>
    /// The mapping: configured, else the <c>logsource-mapping.yml</c> in a rule folder (so an edit of
    /// it is reloaded like a rule), else the engine's built-in copy.
    /// </summary>
    private string? MappingPath => _options.MappingPath is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Paths.Select(p => Path.Combine(p, MappingFileName)).FirstOrDefault(File.Exists);

    private SigmaLoadOptions LoadOptions() => new() { MappingPath = MappingPath };

    /// <summary>Every .yml/.yaml file under the rule paths except the mapping file, which is not a rule.</summary>
    private List<string> RuleFiles()
    {
        var mapping = MappingPath;
        var files = new List<string>();
        foreach (var path in Paths)
        {
            if (File.Exists(path))
                files.Add(path);
            else if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            else
                throw new DirectoryNotFoundException($"Thư mục luật không tồn tại / the rule path {path} does not exist.");
        }

        return files.Where(f => !string.Equals(Path.GetFullPath(f), mapping, StringComparison.Ordinal)).ToList();
    }

    private sealed class NoRulesDetector : IDetector
    {
        public void Evaluate(IReadOnlyList<Storage.StoredEvent> events, SliceMatches output) => output.Reset(events.Count);
    }
}
