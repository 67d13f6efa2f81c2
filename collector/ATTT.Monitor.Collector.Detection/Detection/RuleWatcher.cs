using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Loads the rules at start and reloads them when a file under the rule folders changes, or when
/// <c>attt rules update</c> or <c>rollback</c> (another process) turns the installed pack's pointer or
/// the tuning changes, without restarting anything or dropping an agent: bursts of changes are
/// folded into one reload after <see cref="DetectionOptions.ReloadDebounce"/> of quiet.
/// </summary>
internal sealed class RuleWatcher : BackgroundService
{
    private readonly RuleCatalog _catalog;
    private readonly DetectionOptions _options;
    private readonly ILogger<RuleWatcher> _logger;
    private readonly TimeProvider _time;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<FileSystemWatcher> _watchers = [];

    public RuleWatcher(RuleCatalog catalog, IOptions<DetectionOptions> options, ILogger<RuleWatcher> logger, TimeProvider time)
    {
        _time = time;
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Run(_catalog.EnsureLoaded, stoppingToken).ConfigureAwait(false);
        Watch(_catalog.Paths);
        // A configured mapping outside the rule folders changes every compiled rule: watch it too.
        if (_catalog.MappingPath is { } mapping && !_catalog.Paths.Any(p => IsUnder(mapping, p)))
            Watch([mapping]);
        if (_catalog.PackLayout is { } packs)
            WatchPackPointers(packs);
        _ = CheckChannelsAsync(stoppingToken);
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                _changes.Reader.TryRead(out _);
                do
                {
                    await Task.Delay(_options.ReloadDebounce, stoppingToken).ConfigureAwait(false);
                }
                while (_changes.Reader.TryRead(out _));
                await Task.Run(_catalog.Reload, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Asks for a reload when events of a channel the installed pack was not loaded for have been stored.</summary>
    private async Task CheckChannelsAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_options.ChannelCheckInterval, _time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    if (await _catalog.SeesNewChannelsAsync(stoppingToken).ConfigureAwait(false))
                        _changes.Writer.TryWrite(true);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "Could not read the channels of the stored events; trying again in {Interval}", _options.ChannelCheckInterval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        foreach (var watcher in _watchers)
            watcher.Dispose();
        base.Dispose();
    }

    /// <summary>The pack root, not its pack folders: a pointer renamed into place, or the tuning rewritten, is the change.</summary>
    private void WatchPackPointers(Packs.RulePackLayout layout)
    {
        Directory.CreateDirectory(layout.Root);
        var names = new[] { Path.GetFileName(layout.CurrentPointer), Path.GetFileName(layout.TuningPath) };
        var watcher = new FileSystemWatcher(layout.Root)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void OnChange(string? name)
        {
            if (name is not null && names.Contains(name, StringComparer.Ordinal))
                _changes.Writer.TryWrite(true);
        }

        watcher.Changed += (_, e) => OnChange(e.Name);
        watcher.Created += (_, e) => OnChange(e.Name);
        watcher.Deleted += (_, e) => OnChange(e.Name);
        watcher.Renamed += (_, e) => OnChange(e.Name);
        watcher.Error += (_, e) =>
        {
            _logger.LogWarning(e.GetException(), "Rule pack watcher lost events; reloading");
            _changes.Writer.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private static bool IsUnder(string file, string path)
    {
        var full = Path.GetFullPath(path);
        return string.Equals(file, full, StringComparison.Ordinal)
            || file.StartsWith(Path.TrimEndingDirectorySeparator(full) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private void Watch(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            var isFile = File.Exists(path);
            var folder = isFile ? Path.GetDirectoryName(path)! : path;
            if (!Directory.Exists(folder))
                continue;
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = !isFile,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            if (isFile)
                watcher.Filter = Path.GetFileName(path);
            watcher.Changed += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Created += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Deleted += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Error += (_, e) =>
            {
                // The OS dropped events (buffer overflow): reload to be sure nothing was missed.
                _logger.LogWarning(e.GetException(), "Rule folder watcher lost events; reloading");
                _changes.Writer.TryWrite(true);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }
}
