using ATTT.Monitor.Inputs;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// A replayed file or folder (<c>evtx:PATH</c>, <c>jsonl:PATH</c>, <c>replay:PATH</c>): every file of
/// the folder whose name is one of <paramref name="kinds"/>, recursively in ordinal order of their
/// paths, each read by the shared <see cref="EventFileReader"/> in whatever format its content is
/// (docs/agent.md, "Replay"). Resumes after a <see cref="ReplayPosition"/>: earlier files are not
/// opened, the saved file (and archive entry) continues after its record. A bad record is logged
/// with its file and line and skipped; a file that cannot be read at all is logged and skipped, so
/// one bad file does not stop a folder. Paced to a steady rate by <see cref="ReplayStream"/>.
/// </summary>
internal sealed class ReplaySource(string path, InputKinds kinds, double eventsPerSecond, ILogger logger) : IEventSource
{
    public bool IsFinite => true;

    public IEventStream Open(string? resumeAfter) =>
        new ReplayStream(Read(ReplayPosition.Parse(resumeAfter)), eventsPerSecond);

    private IEnumerable<SourcedEvent> Read(ReplayPosition? resume)
    {
        var reader = new EventFileReader(w => logger.LogWarning("{Warning}", w.ToString()));
        foreach (var file in InputFiles.List(path, kinds))
        {
            if (resume is not null && string.CompareOrdinal(file.Relative, resume.File) < 0)
                continue;
            FilePosition? at = resume is not null && string.Equals(file.Relative, resume.File, StringComparison.Ordinal)
                ? new FilePosition(resume.Entry, resume.Records)
                : null;
            using var records = reader.Read(file.Path, file.Path, at).GetEnumerator();
            while (TryMoveNext(records, file.Path))
            {
                var record = records.Current;
                yield return new SourcedEvent(record.Event, new ReplayPosition(file.Relative, record.Number, record.Entry));
            }
        }
    }

    private bool TryMoveNext(IEnumerator<InputRecord> records, string file)
    {
        try
        {
            return records.MoveNext();
        }
        catch (Exception ex) when (ex is InputFormatException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("{File} skipped: {Reason}", file, ex.Message);
            return false;
        }
    }
}
