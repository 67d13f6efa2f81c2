namespace ATTT.Monitor.Collector.Storage;

/// <summary>A migration given as plain SQL.</summary>
public sealed record SchemaMigration(string Area, int Version, string Sql) : ISchemaMigration;
