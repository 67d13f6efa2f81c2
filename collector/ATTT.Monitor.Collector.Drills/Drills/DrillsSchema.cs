using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// The drills area's tables in the embedded database: version 1 is Quartz's own SQLite schema
/// (shipped inside the Quartz assembly, so it always matches the Quartz version in use), version 2
/// the drill schedule, runs, reminders, measurements, sign-offs and lessons; version 3 links
/// drill runs to the (drill) incidents they caused; version 4 keeps each run's targets.
/// </summary>
internal static class DrillsSchema
{
    public const string Area = "drills";
    public const string QuartzTablePrefix = "QRTZ_";
    private const string QuartzSqliteResource = "Quartz.Impl.AdoJobStore.Schema.create_sqlite.sql";

    public static IEnumerable<ISchemaMigration> Migrations()
    {
        yield return new SchemaMigration(Area, 1, QuartzSqlite());
        yield return new SchemaMigration(Area, 2, DrillTables);
        yield return new SchemaMigration(Area, 3, """
            CREATE TABLE drill_run_incidents (
                run_id INTEGER NOT NULL REFERENCES drill_runs(id),
                incident_id INTEGER NOT NULL UNIQUE,
                rule_id TEXT NULL,
                opened_at INTEGER NOT NULL,
                PRIMARY KEY (run_id, incident_id)
            );
            """);
        // The targets a run is measured against, as its playbook gave them when it started.
        yield return new SchemaMigration(Area, 4, "ALTER TABLE drill_runs ADD COLUMN targets_json TEXT NULL;");
    }

    /// <summary>Quartz's SQLite script with its table prefix placeholders filled in.</summary>
    public static string QuartzSqlite()
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(QuartzSqliteResource)
            ?? throw new InvalidOperationException($"The Quartz assembly has no {QuartzSqliteResource}; the Quartz package changed.");
        using var reader = new StreamReader(stream);
        // {0} is the table prefix, {1} the prefix without a schema qualifier (the same here).
        var script = reader.ReadToEnd().Replace("{0}", QuartzTablePrefix, StringComparison.Ordinal).Replace("{1}", QuartzTablePrefix, StringComparison.Ordinal);
        // Quartz separates statements with a line reading '--;;' and sends each alone, so a
        // CREATE TRIGGER ... END has no closing ';'. The migration runs the script as one batch,
        // which needs every statement terminated.
        var statements = script.ReplaceLineEndings("\n").Split("\n--;;\n")
            .Select(s => s.Trim())
            .Where(s => s.Split('\n').Any(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal)))
            .Select(s => s.EndsWith(';') ? s : s + ";");
        return string.Join("\n", statements);
    }

    private const string DrillTables = """
        CREATE TABLE drill_schedules (
            playbook_id TEXT PRIMARY KEY,
            cron TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            checked_until INTEGER NOT NULL
        );
        CREATE TABLE drill_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            playbook_id TEXT NOT NULL,
            unit TEXT NOT NULL,
            scheduled_for INTEGER NULL,
            trigger TEXT NOT NULL,
            status TEXT NOT NULL,
            started_at INTEGER NULL,
            finished_at INTEGER NULL,
            detail TEXT NULL,
            recorded_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX ux_drill_runs_scheduled ON drill_runs(playbook_id, scheduled_for) WHERE scheduled_for IS NOT NULL;
        CREATE INDEX ix_drill_runs_unit ON drill_runs(unit, id);
        CREATE TABLE drill_reminders (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            playbook_id TEXT NOT NULL,
            drill_at INTEGER NOT NULL,
            remind_at INTEGER NOT NULL,
            recipient TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            UNIQUE (playbook_id, drill_at, remind_at, recipient)
        );
        CREATE TABLE drill_measurements (
            run_id INTEGER NOT NULL REFERENCES drill_runs(id),
            link TEXT NOT NULL,
            at INTEGER NOT NULL,
            detail TEXT NULL,
            PRIMARY KEY (run_id, link)
        );
        CREATE TABLE drill_step_signoffs (
            run_id INTEGER NOT NULL REFERENCES drill_runs(id),
            step_id TEXT NOT NULL,
            signed_by TEXT NOT NULL,
            role TEXT NOT NULL,
            at INTEGER NOT NULL,
            note TEXT NULL,
            PRIMARY KEY (run_id, step_id)
        );
        CREATE TABLE drill_lessons (
            run_id INTEGER PRIMARY KEY REFERENCES drill_runs(id),
            text TEXT NOT NULL,
            written_by TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE incident_step_signoffs (
            incident_id INTEGER NOT NULL,
            playbook_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            signed_by TEXT NOT NULL,
            at INTEGER NOT NULL,
            note TEXT NULL,
            PRIMARY KEY (incident_id, playbook_id, step_id)
        );
        """;
}
