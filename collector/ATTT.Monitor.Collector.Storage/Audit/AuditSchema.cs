using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Audit;

/// <summary>The <c>audit_log</c> table; append-only by convention (no code path updates or deletes rows).</summary>
internal static class AuditSchema
{
    public const string Area = "audit";

    public static IEnumerable<ISchemaMigration> Migrations { get; } =
    [
        new SchemaMigration(Area, 1, """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                area TEXT NOT NULL,
                action TEXT NOT NULL,
                actor TEXT NOT NULL,
                target TEXT,
                details TEXT,
                at TEXT NOT NULL
            );
            CREATE INDEX ix_audit_log_target ON audit_log (area, target, id);
            CREATE INDEX ix_audit_log_at ON audit_log (at);
            """),
    ];
}
