using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>A journal reader that keeps every change it handled, and can be told to fail, as a notifications reader might.</summary>
internal sealed class RecordingJournalConsumer : IIncidentJournalConsumer
{
    public string Name => "test-recorder";

    public List<IncidentChange> Seen { get; } = [];

    public bool Fail { get; set; }

    public Task HandleAsync(IncidentJournalEntry entry, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (Fail)
            throw new InvalidOperationException("test reader failure");
        Seen.Add(entry.Change);
        return Task.CompletedTask;
    }
}
