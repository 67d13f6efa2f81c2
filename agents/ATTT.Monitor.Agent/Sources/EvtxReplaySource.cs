using System.Runtime.CompilerServices;
using ATTT.Monitor.Evtx;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// <c>evtx:PATH</c>: replays an .evtx file, or every .evtx under a folder, with the product's EVTX
/// reader. Damaged records are skipped with a warning (the reader's own rule); a file that is not
/// EVTX at all is logged and skipped so one bad file does not stop a folder.
/// </summary>
internal sealed class EvtxReplaySource : IEventSource
{
    private readonly string _path;
    private readonly double _eventsPerSecond;
    private readonly ILogger _logger;

    public EvtxReplaySource(string path, double eventsPerSecond, ILogger logger)
    {
        _path = path;
        _eventsPerSecond = eventsPerSecond;
        _logger = logger;
    }

    public bool IsFinite => true;

    public async IAsyncEnumerable<SourcedEvent> ReadAsync(string? resumeAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var resume = ReplayPosition.Parse(resumeAfter);
        var pacer = new ReplayPacer(_eventsPerSecond);
        foreach (var (relative, full) in ReplayFiles.List(_path, "*.evtx"))
        {
            if (ReplayFiles.IsBefore(relative, resume))
                continue;
            var skip = ReplayFiles.SkipIn(relative, resume);
            long index = 0;
            using var records = Open(full).GetEnumerator();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!TryMoveNext(records, full))
                    break;
                index++;
                if (index <= skip)
                    continue;
                await pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                yield return new SourcedEvent(records.Current, new ReplayPosition(relative, index));
            }
        }
    }

    private IEnumerable<Events.EventRecord> Open(string file) =>
        EvtxFile.ReadEvents(file, new EvtxReadOptions(), w => _logger.LogWarning("{File}: chunk {Chunk} at byte {Offset}: {Message}", w.File, w.Chunk, w.Offset, w.Message));

    private bool TryMoveNext(IEnumerator<Events.EventRecord> records, string file)
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
