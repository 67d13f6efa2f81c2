using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>An <see cref="IDetector"/> that removes, after evaluation, the matches a suppressor rejects.</summary>
internal sealed class SuppressingDetector(IDetector inner, IReadOnlyList<IDetectionSuppressor> suppressors) : IDetector
{
    public void Evaluate(StoredEvent storedEvent, List<RuleMatch> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var first = output.Count;
        inner.Evaluate(storedEvent, output);
        // Only the matches this call appended are looked at; earlier entries belong to the caller.
        for (var i = output.Count - 1; i >= first; i--)
        {
            foreach (var suppressor in suppressors)
            {
                if (suppressor.ShouldSuppress(output[i], storedEvent))
                {
                    output.RemoveAt(i);
                    break;
                }
            }
        }
    }
}
