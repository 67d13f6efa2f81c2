using ATTT.Monitor.Events;
using ATTT.Monitor.Inputs;

namespace ATTT.Monitor.Search.Bench;

/// <summary>
/// The shapes the generated events take: every attack sample (EVTX) and the OTRF campaigns' records
/// (a lab PC's background noise: Sysmon, Security, PowerShell), read through core/ATTT.Monitor.Inputs.
/// </summary>
internal static class EventTemplates
{
    public static List<EventRecord> Load(string shared, int otrfPerFile)
    {
        var reader = new EventFileReader();
        var result = new List<EventRecord>();
        foreach (var file in InputFiles.List(Path.Combine(shared, "evtx", "attack-samples"), InputKinds.Evtx))
            result.AddRange(reader.Read(file.Path).Select(r => r.Event));
        var samples = result.Count;
        foreach (var zip in Directory.GetFiles(Path.Combine(shared, "datasets", "otrf"), "*.zip").Order(StringComparer.Ordinal))
            result.AddRange(reader.Read(zip).Take(otrfPerFile).Select(r => r.Event));
        Console.Error.WriteLine($"templates: {samples:N0} attack-sample events, {result.Count - samples:N0} OTRF records");
        return result;
    }
}
