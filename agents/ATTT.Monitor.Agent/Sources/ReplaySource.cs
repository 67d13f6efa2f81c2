using ATTT.Monitor.Events;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// What the replay sources share: the files of a file or folder in a stable order, resuming after a
/// <see cref="ReplayPosition"/> (earlier files are not opened, the saved file continues after its
/// record), and pacing to a steady rate. A subclass reads one file.
/// </summary>
internal abstract class ReplaySource : IEventSource
{
    private readonly string _path;
    private readonly string _pattern;
    private readonly double _eventsPerSecond;

    protected ReplaySource(string path, string pattern, double eventsPerSecond)
    {
        _path = path;
        _pattern = pattern;
        _eventsPerSecond = eventsPerSecond;
    }

    public bool IsFinite => true;

    public IEventStream Open(string? resumeAfter) =>
        new ReplayStream(Read(ReplayPosition.Parse(resumeAfter)), _eventsPerSecond);

    private IEnumerable<SourcedEvent> Read(ReplayPosition? resume)
    {
        foreach (var (relative, full) in ReplayFiles.List(_path, _pattern))
        {
            if (ReplayFiles.IsBefore(relative, resume))
                continue;
            foreach (var (index, record) in ReadFile(full, ReplayFiles.SkipIn(relative, resume)))
                yield return new SourcedEvent(record, new ReplayPosition(relative, index));
        }
    }

    /// <summary>
    /// The records of <paramref name="file"/> after its first <paramref name="skip"/> ones, each with
    /// its number in the file (counted from 1, the unit of <see cref="ReplayPosition.Records"/>).
    /// </summary>
    protected abstract IEnumerable<(long Index, EventRecord Record)> ReadFile(string file, long skip);
}
