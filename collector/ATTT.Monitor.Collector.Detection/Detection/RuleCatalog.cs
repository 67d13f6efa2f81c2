using System.Diagnostics;
using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Sigma;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// The rule sets in service (<see cref="IDetectorSource"/>): the product's own pack (the rule folders,
/// loaded whole) and the pack installed with <c>attt rules update</c> (loaded with the profile and
/// the channel filter), both less the noisy-rule list, both through the compiled-rule cache in the
/// data folder. A reload that finds a new invalid product rule, or fails outright, is refused and
/// reported while the last good sets stay in service. Thread-safe; loading happens on first use so
/// no event is ever evaluated before the rules are there.
/// </summary>
public sealed class RuleCatalog : IDetectorSource
{
    public const string MappingFileName = "logsource-mapping.yml";
    public const string ProductPackName = "rules";

    private readonly Lock _gate = new();
    private readonly DetectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleCatalog> _logger;
    private readonly RulePackStore? _packs;
    private readonly RuleProfile _profile;
    private readonly IEventStore? _events;
    private LoadedSets? _current;
    private CatalogDetector? _handedOut;
    private RuleCatalogStatus _status = RuleCatalogStatus.Empty;
    private long _version;
    private bool _loaded;
    private Task _decoding = Task.CompletedTask;

    /// <param name="data">The data folder, where installed packs, the tuning and the cache live; null: the product's pack only, no cache.</param>
    /// <param name="events">The event store, whose channels join the channel filter; null: the configured channels only.</param>
    public RuleCatalog(IOptions<DetectionOptions> options, TimeProvider time, ILogger<RuleCatalog> logger, DataDirectoryOptions? data = null, IEventStore? events = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _profile = RuleProfile.Parse(_options.Profile);
        _packs = data is null ? null : new RulePackStore(new RulePackLayout(data.Path));
        _events = events;
        Paths = RulePathResolver.Resolve(_options.RulePaths, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
    }

    /// <summary>The product's rule folders.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Where installed packs live; null without a data folder.</summary>
    public RulePackLayout? PackLayout => _packs?.Layout;

    /// <summary>The mapping: configured, else the <c>logsource-mapping.yml</c> in a rule folder (so an edit of it is reloaded like a rule), else the engine's built-in copy.</summary>
    public string? MappingPath => _options.MappingPath is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Paths.Select(p => Path.Combine(p, MappingFileName)).FirstOrDefault(File.Exists);

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

    /// <summary>
    /// A detector for the sets in service. The pipeline asks for one each time <see cref="Version"/>
    /// moves, between slices; the new detector takes over the correlation state of the one handed out before.
    /// </summary>
    public IDetector CreateDetector()
    {
        EnsureLoaded();
        lock (_gate)
        {
            var current = _current;
            if (current is null)
                return new CatalogDetector([], RuleTuning.Empty);
            var load = LoadOptions();
            var sets = new List<SigmaDetector> { new(current.Product, load, _options.Workers) };
            if (current.Pack is { } pack)
                sets.Add(new SigmaDetector(pack, load, _options.Workers));
            var detector = new CatalogDetector(sets, current.Tuning);
            if (_handedOut is { } previous)
            {
                var restored = detector.TakeStateFrom(previous, _logger);
                if (restored > 0 && _logger.IsEnabled(LogLevel.Information))
                    _logger.LogInformation("Correlation state of {Count} correlation(s) carried over to the reloaded rules", restored);
            }

            _handedOut = detector;
            return detector;
        }
    }

    public void EnsureLoaded()
    {
        lock (_gate)
        {
            if (!_loaded)
                Reload();
        }
    }

    /// <summary>Loads the rule folders, the installed pack and the tuning again; keeps the current sets if the new ones are broken.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _loaded = true;
            var now = _time.GetUtcNow();
            if (Paths.Count == 0 && (_packs is null || !File.Exists(_packs.Layout.CurrentPointer)))
            {
                _status = _status with { LastAttemptAt = now, LastAttemptError = "Không tìm thấy thư mục luật / no rule folder found (set Detection:RulePaths)." };
                _logger.LogWarning("No rule folder found; set Detection:RulePaths");
                return;
            }

            if (Paths.Count == 0)
                _logger.LogWarning("The product's rule folder was not found (set Detection:RulePaths); only the installed pack is loaded");

            var clock = Stopwatch.StartNew();
            LoadedSets sets;
            try
            {
                sets = Load();
            }
            catch (Exception ex)
            {
                Refuse(now, ex.Message);
                return;
            }

            // Refuse only new breakage: a file that was already invalid in the set in service must
            // not block every later fix of other files. An installed pack was validated at install;
            // its invalid rules are listed, never a reason to refuse.
            var broken = sets.Product.Diagnostics.Where(d => d.Kind == SigmaDiagnosticKind.Invalid && !InvalidBefore(d.Path)).ToList();
            if (_current is not null && broken.Count > 0)
            {
                Refuse(now, $"{broken.Count} luật lỗi, giữ bộ luật cũ / {broken.Count} invalid rule(s), keeping the last good set: {broken[0]}");
                return;
            }

            _current = sets;
            // Reading thousands of YAML files leaves hundreds of MB of garbage on a heap that a busy
            // collector may not collect fully for a long time; a reload is rare, so give it back now.
            // A load from the cache parses no YAML and decodes buckets on first use: little garbage, and
            // the collection would cost a start some 30 ms.
            if (sets.Sets.Any(s => s.Cache.Outcome != SigmaCacheOutcome.Hit))
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            _status = Describe(sets, now, clock.Elapsed);
            // A set read from the cache decodes its buckets when events first need them. Decode the rest
            // now, off the load's path: no event then waits for a decode, and the set lets go of the cache
            // file's mapping instead of depending on the file for as long as it is in service.
            _decoding = Task.Run(() => DecodeAll(sets));
            if (_logger.IsEnabled(LogLevel.Information))
                _logger.LogInformation("Rules loaded in {Seconds:0.000} s: {Loaded} in service, {Unsupported} unsupported, {Invalid} invalid, from {Paths}{Pack} (cache: {Cache})",
                    clock.Elapsed.TotalSeconds, _status.Rules.Count, _status.UnsupportedCount, _status.InvalidCount, string.Join(", ", Paths),
                    sets.Installed is { } p ? $" and pack {p.Manifest.Name} {p.Manifest.Date}" : "", string.Join(", ", _status.CacheOutcomes));
        }
    }

    /// <summary>The background decode of the sets last loaded (for tests).</summary>
    internal Task Decoding => _decoding;

    /// <summary>The rule sets in service: the product's, and the installed pack's if any (for tests).</summary>
    internal IEnumerable<SigmaRuleSet> SetsInService => _current?.Sets ?? [];

    private void DecodeAll(LoadedSets sets)
    {
        foreach (var set in sets.Sets)
        {
            try
            {
                set.DecodeAll();
            }
            catch (InvalidOperationException ex)
            {
                // The set stays in service: an event that needs the broken part fails there, and says so.
                _logger.LogError(ex, "Part of the compiled-rule cache {File} cannot be decoded; delete the cache folder to rebuild it", set.Cache.File);
            }
        }
    }

    private LoadedSets Load()
    {
        var tuning = _packs is null ? RuleTuning.Empty : RuleTuningStore.Read(_packs.Layout.TuningPath);
        var cache = _packs?.Layout.CacheDirectory;
        var mapping = MappingPath;
        // The two sets are independent: load them side by side, which at start takes the product's
        // set off the critical path (the host's own start competes for the machine's two cores).
        var productLoad = Task.Run(() => SigmaRuleSet.Load(RuleFiles(mapping), RuleSetOptions.Product(mapping, tuning, cache)));
        InstalledPack? installed;
        IReadOnlyList<string>? channels;
        SigmaRuleSet? pack;
        try
        {
            installed = _packs?.Current();
            channels = installed is null ? _options.ChannelFilter : ChannelFilter();
            pack = installed is null ? null
                : SigmaRuleSet.Load([installed.RulesFolder], RuleSetOptions.Pack(mapping, _profile, tuning, channels, cache));
        }
        catch
        {
            // Never leave a load running behind the catalog's lock: the next reload would race it.
            // (WaitAny waits without throwing the product load's own failure over this one.)
            Task.WaitAny(productLoad);
            throw;
        }

        var product = productLoad.GetAwaiter().GetResult();
        foreach (var warning in product.Cache.Warnings.Concat(pack?.Cache.Warnings ?? []))
            _logger.LogWarning("Compiled-rule cache: {Warning}", warning);
        return new LoadedSets(product, pack, installed, tuning, channels);
    }

    /// <summary>
    /// The configured channels (or the agent's defaults) and every channel the stored events came
    /// from, so that a pack rule for a channel an agent was set to forward is loaded; null: every channel.
    /// </summary>
    private List<string>? ChannelFilter()
    {
        if (_options.ChannelFilter is not { } configured)
            return null;
        var stored = StoredChannels();
        return configured.Concat(stored.Where(c => !configured.Contains(c, StringComparer.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    // Loads run on a worker thread (the watcher's, or the first caller's), never on a request's.
    private IReadOnlyList<string> StoredChannels()
    {
        if (_events is null)
            return [];
        try
        {
            return _events.ListChannelsAsync(DetectionOptions.MaxStoredChannels, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "The channels of the stored events could not be read; the pack is loaded for the configured channels only");
            return [];
        }
    }

    /// <summary>
    /// Whether the store holds events of a channel the installed pack was not loaded for (an agent
    /// newly set to forward it): the watcher then reloads.
    /// </summary>
    internal async Task<bool> SeesNewChannelsAsync(CancellationToken cancellationToken)
    {
        if (_events is null || _current is not { Installed: not null, Channels: { } inUse })
            return false;
        var stored = await _events.ListChannelsAsync(DetectionOptions.MaxStoredChannels, cancellationToken).ConfigureAwait(false);
        return stored.Any(c => !inUse.Contains(c, StringComparer.OrdinalIgnoreCase));
    }

    private RuleCatalogStatus Describe(LoadedSets sets, DateTimeOffset now, TimeSpan took)
    {
        var rules = Rules(sets.Product, ProductPackName).ToList();
        if (sets.Pack is { } pack)
            rules.AddRange(Rules(pack, sets.Installed!.Manifest.Name));
        var all = sets.Sets.ToList();
        var version = Interlocked.Increment(ref _version);
        var paths = sets.Installed is null ? Paths : [.. Paths, sets.Installed.RulesFolder];
        return new RuleCatalogStatus(paths, now, version, rules, all.Sum(s => s.UnsupportedCount), all.Sum(s => s.InvalidCount),
            all.SelectMany(s => s.Diagnostics).Select(d => d.ToString()).ToList(), now, null)
        {
            Pack = sets.Installed,
            Profile = _profile.Name,
            Channels = sets.Installed is null ? _options.ChannelFilter : sets.Channels,
            PackExcludedCount = sets.Pack?.ExcludedCount ?? 0,
            Tuning = sets.Tuning,
            LoadDuration = took,
            CacheOutcomes = all.Select(s => s.Cache.Outcome.ToString()).ToList(),
        };
    }

    private static IEnumerable<LoadedRule> Rules(SigmaRuleSet set, string pack) =>
        set.Rules.Where(r => r.GeneratesAlerts).Concat(set.Correlations)
            .Select(r => new LoadedRule(r.Id, r.Title, r.LevelName, r.Path, r.IsCorrelation) { Pack = pack, Status = r.Status ?? "experimental", Tags = r.Tags });

    private void Refuse(DateTimeOffset now, string reason)
    {
        _status = _status with { LastAttemptAt = now, LastAttemptError = reason };
        _logger.LogError("Rule reload refused, the previous rules stay in service: {Reason}", reason);
    }

    private bool InvalidBefore(string path) =>
        _current is { } current && current.Product.Diagnostics.Any(d => d.Kind == SigmaDiagnosticKind.Invalid && d.Path == path);

    private SigmaLoadOptions LoadOptions() => new() { MappingPath = MappingPath };

    /// <summary>Every .yml/.yaml file under the rule paths except the mapping file, which is not a rule.</summary>
    private List<string> RuleFiles(string? mapping)
    {
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

    /// <summary>The sets in service and what they were loaded from.</summary>
    private sealed record LoadedSets(SigmaRuleSet Product, SigmaRuleSet? Pack, InstalledPack? Installed, RuleTuning Tuning, IReadOnlyList<string>? Channels)
    {
        public IEnumerable<SigmaRuleSet> Sets => Pack is null ? [Product] : [Product, Pack];
    }
}
