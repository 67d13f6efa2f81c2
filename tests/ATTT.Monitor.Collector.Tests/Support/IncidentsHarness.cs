using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>The incident manager and audit log on a real state database, with a journal reader that records and a manual clock.</summary>
internal sealed class IncidentsHarness : IAsyncDisposable
{
    private IncidentsHarness(StateDatabaseFixture db, IncidentsOptions options)
    {
        Db = db;
        Audit = new SqliteAuditLog(db.Database);
        Manager = new IncidentManager(db.Database, Audit, Options.Create(options), Clock);
        Journal = new IncidentJournalReaders(db.Database, [Reader], Clock);
    }

    public StateDatabaseFixture Db { get; }
    public ManualTimeProvider Clock { get; } = new();
    public RecordingJournalConsumer Reader { get; } = new();
    public IncidentJournalReaders Journal { get; }
    public SqliteAuditLog Audit { get; }
    public IncidentManager Manager { get; }

    /// <summary>The changes journaled so far, as a journal reader gets them.</summary>
    public async Task<IReadOnlyList<IncidentChange>> JournaledAsync()
    {
        await Journal.CatchUpAsync(Reader, TestContext.Current.CancellationToken);
        return Reader.Seen;
    }

    public static async Task<IncidentsHarness> CreateAsync(IncidentsOptions? options = null, IEnumerable<ATTT.Monitor.Collector.Storage.ISchemaMigration>? extraSchema = null) =>
        new(await StateDatabaseFixture.CreateAsync(extraSchema), options ?? new IncidentsOptions());

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
