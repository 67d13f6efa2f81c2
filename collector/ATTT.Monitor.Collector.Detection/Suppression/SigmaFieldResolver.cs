using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Sigma.Routing;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// Reads a field of a stored event by the name a filter gives, as the rules see it: the event's own
/// field first, then the logsource mapping's rename for the event's channel and EventID (Security
/// 4688 <c>NewProcessName</c> answers <c>Image</c>), so a filter written with the rule's field names
/// matches. Uses the same mapping file as the rule catalog; the shipped one when there is none.
/// </summary>
public sealed class SigmaFieldResolver
{
    private readonly Lazy<IReadOnlyDictionary<string, EventSource[]>> _byChannel;

    public SigmaFieldResolver(RuleCatalog catalog, IOptions<DetectionOptions> options, ILogger<SigmaFieldResolver> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.Value.MappingPath;
        _byChannel = new(() =>
        {
            try
            {
                var path = configured is { Length: > 0 } ? Path.GetFullPath(configured)
                    : catalog.Paths.Select(p => Path.Combine(p, RuleCatalog.MappingFileName)).FirstOrDefault(File.Exists);
                return Index(path is null ? LogsourceMapping.Default() : LogsourceMapping.Load(path));
            }
            catch (Exception ex) when (ex is IOException or SigmaMappingException or UnauthorizedAccessException)
            {
                logger.LogError(ex, "Filters cannot use the logsource mapping's field names; they match the events' own field names only");
                return new Dictionary<string, EventSource[]>();
            }
        });
    }

    public bool TryGetField(StoredEvent storedEvent, string name, out string? value)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        var e = storedEvent.Event;
        if (e.TryGetField(name, out value))
            return true;
        if (_byChannel.Value.TryGetValue(e.Channel, out var sources))
        {
            foreach (var source in sources)
            {
                if ((source.EventIds is null || source.EventIds.Contains(e.EventId))
                    && source.FieldRenames.TryGetValue(name, out var raw) && e.TryGetField(raw, out value))
                    return true;
            }
        }

        value = null;
        return false;
    }

    private static Dictionary<string, EventSource[]> Index(LogsourceMapping mapping) =>
        mapping.Sources.Where(s => s.FieldRenames.Count > 0)
            .SelectMany(s => s.Channels.Select(c => (Channel: c, Source: s)))
            .GroupBy(x => x.Channel, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Source).ToArray(), StringComparer.OrdinalIgnoreCase);
}
