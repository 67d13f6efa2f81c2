using System.Runtime.CompilerServices;
using System.Text;
using ATTT.Monitor.Events.Json;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// <c>jsonl:PATH</c>: replays JSON-lines files (one record per line in the shape of
/// <c>attt evtx dump --format json</c>), a file or every <c>*.jsonl</c> under a folder, with the
/// shared <see cref="EventJsonReader"/>. A malformed line is logged with its number and skipped.
/// The position counts lines, so a resume never re-reads or skips one.
/// </summary>
internal sealed class JsonlReplaySource : IEventSource
{
    private readonly string _path;
    private readonly double _eventsPerSecond;
    private readonly ILogger _logger;

    public JsonlReplaySource(string path, double eventsPerSecond, ILogger logger)
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
        foreach (var (relative, full) in ReplayFiles.List(_path, "*.jsonl"))
        {
            if (ReplayFiles.IsBefore(relative, resume))
                continue;
            var skip = ReplayFiles.SkipIn(relative, resume);
            using var reader = new StreamReader(full, Encoding.UTF8);
            long line = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
            {
                line++;
                if (line <= skip || string.IsNullOrWhiteSpace(text))
                    continue;
                Events.EventRecord record;
                try
                {
                    record = EventJsonReader.Parse(Encoding.UTF8.GetBytes(text));
                }
                catch (EventJsonException ex)
                {
                    _logger.LogWarning("{File} line {Line} skipped: {Reason}", full, line, ex.Message);
                    continue;
                }

                await pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                yield return new SourcedEvent(record, new ReplayPosition(relative, line));
            }
        }
    }
}
