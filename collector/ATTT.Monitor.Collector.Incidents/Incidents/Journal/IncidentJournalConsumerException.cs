namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>A journal consumer failed on one entry; it stays on that entry and is retried.</summary>
internal sealed class IncidentJournalConsumerException(string consumer, long seq, Exception inner)
    : Exception($"The incident journal reader '{consumer}' failed on entry {seq}: {inner.Message}", inner)
{
    public string Consumer { get; } = consumer;

    public long Seq { get; } = seq;
}
