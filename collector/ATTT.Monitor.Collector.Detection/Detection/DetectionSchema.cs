using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// The pipeline's checkpoint: the id of the last stored event whose detections are committed, and
/// the detector's correlation state as of that event; and the daily detection counts per rule
/// committed with it.
/// </summary>
internal static class DetectionSchema
{
    public const string Area = "detection";

    public static IEnumerable<ISchemaMigration> Migrations { get; } =
    [
        new SchemaMigration(Area, 1, """
            CREATE TABLE detection_checkpoint (
                name TEXT PRIMARY KEY,
                last_event_id INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            );
            """),
        new SchemaMigration(Area, 2, """
            CREATE TABLE detection_state (
                name TEXT PRIMARY KEY,
                real_state BLOB NOT NULL,
                drill_state BLOB NOT NULL,
                updated_at TEXT NOT NULL
            );
            """),
        // Detections per rule, Vietnam day and unit, for the rules page (RuleHits).
        new SchemaMigration(Area, 3, """
            CREATE TABLE rule_hits_daily (
                rule_id TEXT NOT NULL,
                day TEXT NOT NULL,
                unit TEXT NOT NULL,
                hits INTEGER NOT NULL,
                PRIMARY KEY (rule_id, day, unit)
            ) WITHOUT ROWID;
            CREATE INDEX rule_hits_daily_day ON rule_hits_daily (day);
            """),
    ];
}
