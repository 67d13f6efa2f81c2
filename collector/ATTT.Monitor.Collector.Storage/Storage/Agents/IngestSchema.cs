namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>The ingest area's tables in the state database: units, enrollment codes, agents.</summary>
public static class IngestSchema
{
    public const string Area = "ingest";

    public static readonly ISchemaMigration V1 = new SchemaMigration(Area, 1, """
        CREATE TABLE IF NOT EXISTS units (
            name       TEXT PRIMARY KEY,
            created_at TEXT NOT NULL
        );
        CREATE TABLE enrollment_codes (
            code_hash  TEXT PRIMARY KEY,
            unit       TEXT NOT NULL REFERENCES units (name),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at    TEXT,
            used_by    TEXT
        );
        CREATE TABLE agents (
            agent_id            TEXT PRIMARY KEY,
            unit                TEXT NOT NULL REFERENCES units (name),
            host                TEXT NOT NULL,
            os                  TEXT,
            agent_version       TEXT,
            ips                 TEXT NOT NULL DEFAULT '[]',
            enrolled_at         TEXT NOT NULL,
            last_seen_at        TEXT,
            last_seq            INTEGER NOT NULL DEFAULT 0,
            dropped_total       INTEGER NOT NULL DEFAULT 0,
            revoked             INTEGER NOT NULL DEFAULT 0,
            is_drill            INTEGER NOT NULL DEFAULT 0,
            token_hash          TEXT NOT NULL UNIQUE,
            spool_depth_events  INTEGER,
            spool_depth_bytes   INTEGER,
            spool_dropped_total INTEGER,
            spool_last_error    TEXT
        );
        CREATE INDEX agents_unit ON agents (unit);
        """);
}
