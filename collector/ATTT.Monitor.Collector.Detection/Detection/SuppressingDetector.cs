using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>An <see cref="IDetector"/> that removes, after evaluation, the matches a suppressor rejects.</summary>
/// <remarks>
/// The inner detector may evaluate a slice on several threads; the suppressors run afterwards on the
/// calling thread, so they need no locking of their own for hit counts.
/// </remarks>
internal sealed class SuppressingDetector(IDetector inner, IReadOnlyList<IDetectionSuppressor> suppressors) : IDetector
{
    public void Evaluate(IReadOnlyList<StoredEvent> events, SliceMatches output)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        inner.Evaluate(events, output);
        for (var e = 0; e < events.Count; e++)
        {
            var matches = output.MatchesOf(e);
            for (var i = matches.Count - 1; i >= 0; i--)
            {
                foreach (var suppressor in suppressors)
                {
                    if (suppressor.ShouldSuppress(matches[i], events[e]))
                    {
                        matches.RemoveAt(i);
                        break;
                    }
                }
            }
        }
    }

    // The state is the inner detector's: a wrapper that kept the defaults would lose it on every restart and reload.
    public bool StateChanged => inner.StateChanged;

    public DetectorState? SaveState() => inner.SaveState();

    public void RestoreState(DetectorState state) => inner.RestoreState(state);
}
