using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Says whether one rule match must be dropped before it becomes a detection: the rule is disabled
/// for the event's unit, or a false-positive filter matches the event. Consulted per match, from the
/// evaluating thread(s): implementations must be thread-safe and must not block on I/O.
/// </summary>
public interface IDetectionSuppressor
{
    bool ShouldSuppress(RuleMatch match, StoredEvent storedEvent);
}
