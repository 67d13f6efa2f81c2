using ATTT.Monitor.Inputs.Mapping;

namespace ATTT.Monitor.Inputs.Json;

/// <summary>
/// The events of one JSON input (a file or an archive entry) in any of the JSON shapes. The shape is
/// told by the first record and holds for the file; a record that is not valid JSON, or not an event
/// of that shape, is skipped with a warning naming its line, and counted.
/// </summary>
internal sealed class JsonInput(string file, string? entry, Action<InputWarning> warn, int maxRecordBytes)
{
    /// <summary>The records of <paramref name="stream"/> after its first <paramref name="skip"/>.</summary>
    /// <exception cref="InputFormatException">The first record is JSON but not an event in a known shape.</exception>
    public IEnumerable<InputRecord> Read(Stream stream, long skip)
    {
        using var splitter = new JsonValueSplitter(stream, maxRecordBytes);
        var pool = new StringPool();
        IEventMapper? mapper = null;
        long number = 0;
        while (splitter.TryNext(parse: number >= skip, out var slot))
        {
            number++;
            if (number <= skip)
                continue;
            if (slot.Error is not null)
            {
                Warn(slot.Line, number, slot.Error);
                continue;
            }

            Events.EventRecord record;
            using (var document = slot.Document!)
            {
                var root = ShapeDetector.Unwrap(document.RootElement);
                mapper ??= Create(ShapeDetector.Detect(root), pool, slot.Line);
                try
                {
                    record = mapper.Map(root);
                }
                catch (RecordException ex)
                {
                    Warn(slot.Line, number, $"not {Describe(mapper.Format)}: {ex.Message}");
                    continue;
                }
            }

            yield return new InputRecord(record, entry, number);
        }
    }

    /// <summary>The format name used in messages.</summary>
    public static string Describe(EventFormat format) => format switch
    {
        EventFormat.EvtxJson => "an event in the evtx-dump shape",
        EventFormat.Otrf => "an OTRF (Mordor) event",
        EventFormat.Winlogbeat => "a Winlogbeat event",
        EventFormat.NxLog => "an NXLog event",
        _ => "an event",
    };

    private IEventMapper Create(EventFormat? format, StringPool pool, long line) => format switch
    {
        EventFormat.EvtxJson => new EvtxJsonMapper(),
        EventFormat.Winlogbeat => new WinlogbeatMapper(pool),
        EventFormat.Otrf or EventFormat.NxLog => new FlattenedMapper(format.Value, pool),
        _ => throw new InputFormatException(
            $"{Where()}: the record at line {line} is JSON but not an event in a known shape " +
            "(evtx dump {\"Event\":{\"System\":…}}, OTRF/Mordor, Winlogbeat/ECS with winlog.*, or NXLog)."),
    };

    private void Warn(long line, long record, string message) =>
        warn(new InputWarning(InputWarningKind.BadRecord, file, entry, line, record, message + "; skipped"));

    private string Where() => entry is null ? file : $"{file} ({entry})";
}
