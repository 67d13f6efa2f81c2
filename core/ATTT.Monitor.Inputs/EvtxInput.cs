using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Inputs;

/// <summary>The events of an EVTX file or archive entry, through the product's EVTX reader, numbered as it yields them.</summary>
internal static class EvtxInput
{
    /// <exception cref="InputFormatException">The EVTX reader found no header and no chunk.</exception>
    public static IEnumerable<InputRecord> Read(Stream seekable, string file, string? entry, long skip, Action<InputWarning> warn)
    {
        var name = entry is null ? file : $"{file} ({entry})";
        using var records = EvtxFile.ReadEvents(seekable, name, null,
            w => warn(new InputWarning(InputWarningKind.Damage, file, entry, null, null, $"chunk {w.Chunk} at byte {w.Offset}: {w.Message}"))).GetEnumerator();
        long number = 0;
        while (MoveNext(records))
        {
            // Records are numbered as the reader yields them, so the skipped ones must be read too.
            if (++number > skip)
                yield return new InputRecord(records.Current, entry, number);
        }
    }

    private static bool MoveNext(IEnumerator<Events.EventRecord> records)
    {
        try
        {
            return records.MoveNext();
        }
        catch (EvtxFormatException ex)
        {
            throw new InputFormatException(ex.Message, ex);
        }
    }
}
