using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.LoadGen;

/// <summary>Real events read from the shared EVTX samples, reused round-robin.</summary>
internal static class SampleSource
{
    public static IReadOnlyList<EventRecord> Load(string? folder, int max)
    {
        folder ??= FindShared() ?? throw new ArgumentException("No --samples given and no shared/evtx found above the current folder.");
        var events = new List<EventRecord>(max);
        foreach (var file in Directory.EnumerateFiles(folder, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
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
                // Not an EVTX file: skip.
            }
        }

        return events.Count > 0 ? events : throw new ArgumentException($"No events found in {folder}.");
    }

    private static string? FindShared()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "evtx");
            if (File.Exists(Path.Combine(dir.FullName, "shared", "CONTRACT.md")) && Directory.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
