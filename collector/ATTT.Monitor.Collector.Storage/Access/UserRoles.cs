namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// Dashboard roles, stored as these lower-case strings. admin: everything in their reach, including
/// users and settings (a commune admin: its own unit only; see <see cref="AdministrationPolicy"/>);
/// officer: triage incidents, manage PCs and rules of their unit; coordinator: drills; viewer: read
/// only (provincial contacts).
/// </summary>
public static class UserRoles
{
    public const string Admin = "admin";
    public const string Officer = "officer";
    public const string Coordinator = "coordinator";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Officer, Coordinator, Viewer];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
