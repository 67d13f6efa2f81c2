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

    /// <summary>True when the state kept between events (correlations) changed since the last <see cref="SaveState"/>.</summary>
    bool StateChanged => false;

    /// <summary>The state kept between events, to commit with the checkpoint or hand to the next rule set; null when none is kept.</summary>
    DetectorState? SaveState() => null;

    /// <summary>
    /// Takes over saved state (after a restart or a rule reload): what still fits the rules in
    /// service is kept, the rest starts empty. Damaged state is refused with <see cref="DetectorStateException"/>;
    /// what could not be restored starts empty.
    /// </summary>
    void RestoreState(DetectorState state)
    {
    }
}
