using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>Real events from the shared EVTX attack samples.</summary>
public static class SampleEvents
{
    /// <summary>Up to <paramref name="max"/> events read from the shared .evtx files, in a stable order.</summary>
    public static IReadOnlyList<EventRecord> Load(int max)
    {
        var events = new List<EventRecord>(max);
        foreach (var file in Directory.EnumerateFiles(SharedData.EvtxSamples, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                foreach (var e in EvtxFile.ReadEvents(file))
                {
                    events.Add(e);
                    if (events.Count >= max)
                        return events;
                }
            }
            catch (EvtxFormatException)
            {
                // A sample that is not EVTX (some corpora hold damaged files on purpose): skip it.
            }
        }

        return events;
    }
}
