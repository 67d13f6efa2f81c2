using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Evaluates stored events against one rule set. Holds per-stream state (correlations) and scratch
/// space: one instance per pipeline, never shared between threads. Events are fed in id order.
/// </summary>
public interface IDetector
{
    /// <summary>Appends the matches of <paramref name="storedEvent"/> to <paramref name="output"/>.</summary>
    void Evaluate(StoredEvent storedEvent, List<RuleMatch> output);
}
