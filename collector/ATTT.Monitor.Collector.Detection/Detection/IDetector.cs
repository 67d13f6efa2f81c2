using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Evaluates stored events against one rule set. Holds per-stream state (correlations) and scratch
/// space: one instance per pipeline, called by one thread at a time (it may use several threads inside).
/// Slices are fed in id order.
/// </summary>
public interface IDetector
{
    /// <summary>
    /// Evaluates a slice of events in id order: the matches of <c>events[i]</c> go to
    /// <see cref="SliceMatches.MatchesOf"/>(i); an event that could not be evaluated gets its error
    /// there instead, and the others go on.
    /// </summary>
    void Evaluate(IReadOnlyList<StoredEvent> events, SliceMatches output);
}
