using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>A batch waiting for the writer, its rows already serialised on the request's thread.</summary>
internal sealed class PendingAppend(AgentIdentity agent, EventBatch batch, long receivedAtMs, IReadOnlyList<EventRow> rows)
{
    public AgentIdentity Agent { get; } = agent;
    public EventBatch Batch { get; } = batch;
    public long ReceivedAtMs { get; } = receivedAtMs;
    public IReadOnlyList<EventRow> Rows { get; } = rows;

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
