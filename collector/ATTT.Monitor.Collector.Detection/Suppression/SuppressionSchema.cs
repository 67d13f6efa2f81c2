using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// Rules disabled per unit and false-positive filters. <c>unit</c> is a unit name or <c>*</c> for
/// every unit (province scope). Removed filters are kept (removed_by/at/reason) as history.
/// </summary>
internal static class SuppressionSchema
{
    public const string Area = "suppression";

    /// <summary>The audit area of every change made here.</summary>
    public const string AuditArea = "rules";

    public static IEnumerable<ISchemaMigration> Migrations { get; } =
    [
        new SchemaMigration(Area, 1, """
            CREATE TABLE rule_disablements (
                rule_id TEXT NOT NULL,
                unit TEXT NOT NULL,
                reason TEXT NOT NULL,
                disabled_by TEXT NOT NULL,
                disabled_at TEXT NOT NULL,
                PRIMARY KEY (rule_id, unit)
            );
            CREATE TABLE rule_filters (
                id INTEGER PRIMARY KEY,
                rule_id TEXT NOT NULL,
                unit TEXT NOT NULL,
                conditions TEXT NOT NULL,
                reason TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                removed_by TEXT,
                removed_at TEXT,
                removed_reason TEXT
            );
            CREATE INDEX rule_filters_active ON rule_filters (rule_id) WHERE removed_at IS NULL;
            """),
    ];
}
