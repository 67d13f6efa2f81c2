namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>How far one journal reader has got, and why it is stuck if it is (for the dashboard).</summary>
public sealed record JournalReaderStatus(
    string Name,
    long Checkpoint,
    long Head,
    long? FailingSeq,
    int Attempts,
    string? LastError,
    DateTimeOffset? FailedAt)
{
    public long Behind => Math.Max(0, Head - Checkpoint);

    public bool IsFailing => FailingSeq is not null;
}
