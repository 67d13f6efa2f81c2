using System.Text;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Json;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// <c>jsonl:PATH</c>: replays JSON-lines files (one record per line in the shape of
/// <c>attt evtx dump --format json</c>), a file or every <c>*.jsonl</c> under a folder, with the
/// shared <see cref="EventJsonReader"/>. A malformed line is logged with its number and skipped.
/// The position counts lines, so a resume never re-reads or skips one; lines before the resume
/// point are passed over unparsed (a bad one there was already reported).
/// </summary>
internal sealed class JsonlReplaySource : ReplaySource
{
    private readonly ILogger _logger;

    public JsonlReplaySource(string path, double eventsPerSecond, ILogger logger)
        : base(path, "*.jsonl", eventsPerSecond) => _logger = logger;

    protected override IEnumerable<(long Index, EventRecord Record)> ReadFile(string file, long skip)
    {
        long line = 0;
        foreach (var text in File.ReadLines(file, Encoding.UTF8))
        {
            line++;
            if (line <= skip || string.IsNullOrWhiteSpace(text))
                continue;
            EventRecord record;
            try
            {
                record = EventJsonReader.Parse(Encoding.UTF8.GetBytes(text));
            }
            catch (EventJsonException ex)
            {
                _logger.LogWarning("{File} line {Line} skipped: {Reason}", file, line, ex.Message);
                continue;
            }

            yield return (line, record);
        }
    }
}
