using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>The incident manager and audit log on a real state database, with a recording hook and a manual clock.</summary>
internal sealed class IncidentsHarness : IAsyncDisposable
{
    private IncidentsHarness(StateDatabaseFixture db, IncidentsOptions options)
    {
        Db = db;
        Audit = new SqliteAuditLog(db.Database);
        Manager = new IncidentManager(db.Database, Audit, [Hook], Options.Create(options), Clock);
    }

    public StateDatabaseFixture Db { get; }
    public ManualTimeProvider Clock { get; } = new();
    public RecordingIncidentHook Hook { get; } = new();
    public SqliteAuditLog Audit { get; }
    public IncidentManager Manager { get; }

    public static async Task<IncidentsHarness> CreateAsync(IncidentsOptions? options = null) =>
        new(await StateDatabaseFixture.CreateAsync([RecordingIncidentHook.Migration]), options ?? new IncidentsOptions());

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
