using ATTT.Monitor.Events;

namespace ATTT.Monitor.Inputs.Tests.Support;

/// <summary>Reads a file to its end, keeping the warnings.</summary>
public sealed class Reading
{
    public List<InputWarning> Warnings { get; } = [];

    public List<InputRecord> Records { get; private set; } = [];

    public List<EventRecord> Events => Records.Select(r => r.Event).ToList();

    public static Reading Of(string path, FilePosition? resume = null, int? maxRecordBytes = null)
    {
        var reading = new Reading();
        var reader = maxRecordBytes is { } max ? new EventFileReader(reading.Warnings.Add, max) : new EventFileReader(reading.Warnings.Add);
        reading.Records = reader.Read(path, null, resume).ToList();
        return reading;
    }
}
