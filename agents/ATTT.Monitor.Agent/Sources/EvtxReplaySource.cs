using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// <c>evtx:PATH</c>: replays an .evtx file, or every .evtx under a folder, with the product's EVTX
/// reader. Damaged records are skipped with a warning (the reader's own rule); a file that is not
/// EVTX at all is logged and skipped so one bad file does not stop a folder.
/// </summary>
internal sealed class EvtxReplaySource : ReplaySource
{
    private readonly ILogger _logger;

    public EvtxReplaySource(string path, double eventsPerSecond, ILogger logger)
        : base(path, "*.evtx", eventsPerSecond) => _logger = logger;

    protected override IEnumerable<(long Index, EventRecord Record)> ReadFile(string file, long skip)
    {
        long index = 0;
        using var records = EvtxFile.ReadEvents(file, new EvtxReadOptions(),
            w => _logger.LogWarning("{File}: chunk {Chunk} at byte {Offset}: {Message}", w.File, w.Chunk, w.Offset, w.Message)).GetEnumerator();
        while (TryMoveNext(records, file))
        {
            // Records are numbered as the reader yields them, so the skipped ones must be read too.
            if (++index > skip)
                yield return (index, records.Current);
        }
    }

    private bool TryMoveNext(IEnumerator<EventRecord> records, string file)
    {
        try
        {
            return records.MoveNext();
        }
        catch (Exception ex) when (ex is EvtxFormatException or IOException or UnauthorizedAccessException)
        {
            _logger.LogError("{File} skipped: {Reason}", file, ex.Message);
            return false;
        }
    }
}
