namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// One step of an area's schema in the embedded state database. Each area (ingest, incidents,
/// notifications, drills, dashboard, ...) registers its own migrations in DI; they run in
/// (<see cref="Area"/>, <see cref="Version"/>) order at start, once each, in a transaction.
/// Never edit a shipped migration: add the next version.
/// </summary>
public interface ISchemaMigration
{
    string Area { get; }
    int Version { get; }
    string Sql { get; }
}
