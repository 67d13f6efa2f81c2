namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// A dashboard account. <see cref="Unit"/> is the commune (đơn vị) the user belongs to; null means
/// the province, which sees every unit.
/// </summary>
public sealed record DashboardUser(
    long Id,
    string UserName,
    string DisplayName,
    string Role,
    string? Unit,
    string PasswordHash,
    bool MustChangePassword,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    bool Disabled,
    DateTimeOffset CreatedAt);
