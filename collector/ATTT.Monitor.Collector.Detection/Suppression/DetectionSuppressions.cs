using System.Collections.Concurrent;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// The <see cref="IDetectionSuppressor"/> of the detection pipeline: drops a match when its rule is
/// disabled for the event's unit or one of its filters matches the event, and counts what each
/// filter and disablement dropped since the collector started (shown on the rules page).
/// </summary>
public sealed class DetectionSuppressions(SuppressionStore store, SigmaFieldResolver? fields = null) : IDetectionSuppressor
{
    private readonly ConcurrentDictionary<long, long> _filterHits = new();
    private readonly ConcurrentDictionary<string, long> _disabledHits = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<long, long> FilterHits => _filterHits;

    /// <summary>Matches dropped because the rule is disabled, per rule id.</summary>
    public IReadOnlyDictionary<string, long> DisabledHits => _disabledHits;

    public bool ShouldSuppress(RuleMatch match, StoredEvent storedEvent)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(storedEvent);
        var snapshot = store.Current;
        if (snapshot.IsDisabled(match.RuleId, storedEvent.Unit))
        {
            _disabledHits.AddOrUpdate(match.RuleId, 1, (_, n) => n + 1);
            return true;
        }

        if (snapshot.MatchingFilter(match.RuleId, storedEvent, fields) is not { } filter)
            return false;
        _filterHits.AddOrUpdate(filter.Id, 1, (_, n) => n + 1);
        return true;
    }
}
