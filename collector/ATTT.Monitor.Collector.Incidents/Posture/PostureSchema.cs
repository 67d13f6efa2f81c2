using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// Antivirus posture per PC: the latest state (<c>posture_current</c>, one row per agent) and every
/// change of it (<c>posture_history</c>; a report that changes nothing adds no row).
/// </summary>
internal static class PostureSchema
{
    public const string Area = "posture";

    public static IEnumerable<ISchemaMigration> Migrations { get; } =
    [
        new SchemaMigration(Area, 1, """
            CREATE TABLE posture_current (
                agent_id TEXT PRIMARY KEY,
                unit TEXT NOT NULL,
                host TEXT NOT NULL,
                is_drill INTEGER NOT NULL DEFAULT 0,
                observed_at TEXT NOT NULL,
                received_at TEXT NOT NULL,
                product TEXT,
                enabled INTEGER NOT NULL,
                realtime INTEGER NOT NULL,
                signature_age_days REAL,
                last_scan_at TEXT,
                tamper_protection INTEGER,
                conditions TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                report TEXT NOT NULL
            );
            CREATE INDEX ix_posture_current_unit ON posture_current (unit, host);
            CREATE TABLE posture_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                agent_id TEXT NOT NULL,
                observed_at TEXT NOT NULL,
                received_at TEXT NOT NULL,
                product TEXT,
                enabled INTEGER NOT NULL,
                realtime INTEGER NOT NULL,
                signature_age_days REAL,
                last_scan_at TEXT,
                tamper_protection INTEGER,
                conditions TEXT NOT NULL
            );
            CREATE INDEX ix_posture_history_agent ON posture_history (agent_id, id);
            """),
    ];
}
