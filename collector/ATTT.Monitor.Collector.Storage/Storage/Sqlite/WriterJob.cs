using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// Work other than a batch that writes events.db (rewriting stored bodies): run by the single writer
/// in its own transaction when no batch is waiting, so that it never holds up ingest for longer than
/// one short transaction.
/// </summary>
internal sealed class WriterJob(Action<SqliteConnection, SqliteTransaction> work)
{
    public Action<SqliteConnection, SqliteTransaction> Work { get; } = work;

    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
