using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Users;

/// <summary>The "users" area of the embedded state database.</summary>
internal static class UsersSchema
{
    public static IEnumerable<ISchemaMigration> Migrations { get; } =
    [
        new SchemaMigration("users", 1, """
            CREATE TABLE dashboard_users (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                unit TEXT NULL,
                password_hash TEXT NOT NULL,
                must_change_password INTEGER NOT NULL DEFAULT 0,
                failed_sign_ins INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            );
            """),
    ];
}
