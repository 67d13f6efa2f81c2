namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Where events come from: the Windows event log, or a replayed file or folder (EVTX, JSON, zip).
/// A source resumes after a position it produced earlier (an opaque string it alone understands),
/// so the agent can restart without a gap or a duplicate.
/// </summary>
public interface IEventSource
{
    /// <summary>A replay ends; a live event log does not.</summary>
    bool IsFinite { get; }

    /// <summary>
    /// Opens the source for reading the events after <paramref name="resumeAfter"/> (null: from the
    /// start). Each event comes with the position to resume after it.
    /// </summary>
    IEventStream Open(string? resumeAfter);
}
