namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The parts of events.db version 3 that a new file and a migrated one must share exactly: written
/// once here so that <see cref="EventsDatabase"/>'s schema and <see cref="EventsVersion3"/>'s
/// migration cannot drift apart.
/// </summary>
internal static class EventsSchemaV3
{
    /// <summary>The columns of the events table (created as events, or as events_v3 and renamed).</summary>
    public const string EventColumns = """
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at INTEGER NOT NULL,
        time        INTEGER NOT NULL,
        source      INTEGER NOT NULL,
        event_id    INTEGER NOT NULL,
        dict        INTEGER NOT NULL,
        body        BLOB    NOT NULL
        """;

    /// <summary>The two indexes search reads through; created once the events table has its final name.</summary>
    public const string EventIndexes = """
        CREATE INDEX events_source_time ON events (source, time);
        CREATE INDEX events_event_id ON events (event_id, source, time);
        """;

    /// <summary>The strings events share, and the trained compression dictionaries.</summary>
    public const string SourcesAndDictionaries = """
        CREATE TABLE event_sources (
            id       INTEGER PRIMARY KEY,
            agent_id TEXT    NOT NULL,
            unit     TEXT    NOT NULL,
            is_drill INTEGER NOT NULL,
            host     TEXT    NOT NULL,
            channel  TEXT    NOT NULL,
            UNIQUE (agent_id, unit, is_drill, host, channel)
        );
        CREATE TABLE event_dictionaries (
            id         INTEGER PRIMARY KEY,
            created_at INTEGER NOT NULL,
            samples    INTEGER NOT NULL,
            bytes      BLOB    NOT NULL
        );
        """;
}
