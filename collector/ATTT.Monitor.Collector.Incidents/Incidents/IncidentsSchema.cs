using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Tables of the incidents area. <c>group_key</c> is what detections group by: <c>story</c> for
/// attack stories (detections on one PC, see <see cref="IncidentManager"/>; <c>rule:&lt;id&gt;</c> in
/// rows written before stories), <c>condition:&lt;key&gt;</c> for posture conditions.
/// <c>incident_detections</c> is a story's timeline, <c>incident_links</c> the logon sessions and
/// processes that join later detections to it, <c>detection_evidence</c> the low detections outside any story. <c>incident_events.seq</c>
/// is the match's position in the incident, which bounds the kept list to the first and last ones.
/// </summary>
public static class IncidentsSchema
{
    public const string Area = "incidents";

    public static IEnumerable<ISchemaMigration> Migrations { get; } =
    [
        new SchemaMigration(Area, 1, """
            CREATE TABLE incidents (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                group_key TEXT NOT NULL,
                title TEXT NOT NULL,
                rule_id TEXT,
                rule_title TEXT,
                tags TEXT NOT NULL DEFAULT '[]',
                category TEXT NOT NULL,
                severity INTEGER NOT NULL,
                state TEXT NOT NULL,
                unit TEXT NOT NULL,
                host TEXT NOT NULL,
                agent_id TEXT,
                first_seen TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                count INTEGER NOT NULL,
                is_drill INTEGER NOT NULL DEFAULT 0,
                assignee TEXT,
                description TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                resolved_at TEXT,
                duration_seconds REAL
            );
            CREATE INDEX ix_incidents_group ON incidents (group_key, unit, host, is_drill, state);
            CREATE INDEX ix_incidents_last_seen ON incidents (last_seen DESC, id DESC);
            CREATE INDEX ix_incidents_unit ON incidents (unit, last_seen DESC);
            CREATE TABLE incident_events (
                incident_id INTEGER NOT NULL REFERENCES incidents (id),
                seq INTEGER NOT NULL,
                event_id INTEGER NOT NULL,
                PRIMARY KEY (incident_id, seq)
            ) WITHOUT ROWID;
            CREATE TABLE incident_comments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id INTEGER NOT NULL REFERENCES incidents (id),
                author TEXT NOT NULL,
                text TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX ix_incident_comments ON incident_comments (incident_id, id);
            """),
        new SchemaMigration(Area, 2, """
            ALTER TABLE incidents ADD COLUMN explanation TEXT;
            ALTER TABLE incidents ADD COLUMN kill_chain TEXT NOT NULL DEFAULT '';
            ALTER TABLE incidents ADD COLUMN peak_severity INTEGER;
            CREATE TABLE incident_detections (
                incident_id INTEGER NOT NULL REFERENCES incidents (id),
                seq INTEGER NOT NULL,
                at TEXT NOT NULL,
                rule_id TEXT NOT NULL,
                title TEXT NOT NULL,
                title_en TEXT,
                level INTEGER NOT NULL,
                tactics TEXT NOT NULL DEFAULT '[]',
                event_id INTEGER,
                evidence INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (incident_id, seq)
            ) WITHOUT ROWID;
            CREATE TABLE incident_links (
                unit TEXT NOT NULL,
                host TEXT NOT NULL,
                is_drill INTEGER NOT NULL,
                link TEXT NOT NULL,
                incident_id INTEGER NOT NULL REFERENCES incidents (id),
                PRIMARY KEY (unit, host, is_drill, link, incident_id)
            ) WITHOUT ROWID;
            CREATE TABLE detection_evidence (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                unit TEXT NOT NULL,
                host TEXT NOT NULL,
                is_drill INTEGER NOT NULL,
                at TEXT NOT NULL,
                rule_id TEXT NOT NULL,
                title TEXT NOT NULL,
                title_en TEXT,
                level INTEGER NOT NULL,
                tactics TEXT NOT NULL DEFAULT '[]',
                event_id INTEGER
            );
            CREATE INDEX ix_detection_evidence_host ON detection_evidence (unit, host, is_drill, id);
            """),
        // The journal: one row per incident change, written in the change's transaction; each reader
        // (notifications, drills) keeps its own checkpoint and the entry it is stuck on.
        new SchemaMigration(Area, 3, """
            CREATE TABLE incident_journal (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id INTEGER NOT NULL,
                kind TEXT NOT NULL,
                at TEXT NOT NULL,
                change_json TEXT NOT NULL
            );
            CREATE TABLE incident_journal_readers (
                name TEXT PRIMARY KEY,
                seq INTEGER NOT NULL,
                failing_seq INTEGER NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NULL,
                failed_at TEXT NULL,
                updated_at TEXT NOT NULL
            );
            """),
        // An incident found to be a personal-data breach: when it became known (the data-protection clock's start), written once.
        new SchemaMigration(Area, 4, """
            CREATE TABLE incident_personal_data (
                incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
                known_at TEXT NOT NULL,
                note TEXT NOT NULL,
                marked_by TEXT NOT NULL
            );
            """),
        // Whether the detection that opened an incident was on a backfilled event (NULL: stored before the mark existed).
        new SchemaMigration(Area, 5, "ALTER TABLE incidents ADD COLUMN backfill INTEGER NULL;"),
    ];
}
