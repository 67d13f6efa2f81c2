using System.Globalization;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// Dashboard accounts in the embedded state database. Passwords are kept only as
/// <see cref="PasswordHasher{TUser}"/> hashes (PBKDF2); this class never sees them otherwise
/// than to hash or verify. Every change takes the caller and checks it against
/// <see cref="AdministrationPolicy"/> first (a refusal is audited and throws <see cref="AccessRefusedException"/>).
/// </summary>
public sealed class UserStore(EmbeddedDatabase database, IPasswordHasher<DashboardUser> hasher, IAuditLog audit, TimeProvider time)
{
    private const string AuditArea = "users";
    private readonly AccessGuard _guard = new(audit, time);
    private const string Columns = "id, user_name, display_name, role, unit, password_hash, must_change_password, failed_sign_ins, locked_until, disabled, created_at";

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dashboard_users;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The accounts <paramref name="caller"/> may see: every one for the province, its unit's for a commune administrator.</summary>
    public async Task<IReadOnlyList<DashboardUser>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        await _guard.DemandAsync(AdministrationPolicy.ListUsers(caller), caller, AuditArea, "list", null, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dashboard_users ORDER BY user_name;";
        var users = new List<DashboardUser>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            users.Add(Read(reader));
        return users.Where(u => AdministrationPolicy.MaySeeUser(caller, u.Unit)).ToList();
    }

    public Task<DashboardUser?> FindByNameAsync(string userName, CancellationToken cancellationToken) =>
        FindAsync("user_name = $key", userName, cancellationToken);

    public Task<DashboardUser?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        FindAsync("id = $key", id, cancellationToken);

    /// <summary>Creates an account; throws <see cref="UserValidationException"/> on a bad name, role or duplicate.</summary>
    public async Task<DashboardUser> CreateAsync(Caller caller, string userName, string displayName, string role, string? unit, string password, bool mustChangePassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        userName = userName.Trim();
        await _guard.DemandAsync(AdministrationPolicy.CreateUser(caller, NormalizeUnit(unit)), caller, AuditArea, "create", "user:" + userName, cancellationToken);
        if (userName.Length is < 2 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw new UserValidationException("UserNameInvalid");
        if (!UserRoles.IsKnown(role))
            throw new UserValidationException("RoleInvalid");
        var pending = new DashboardUser(0, userName, displayName.Trim(), role, NormalizeUnit(unit), "", mustChangePassword, 0, null, false, time.GetUtcNow());
        var hash = hasher.HashPassword(pending, password);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO dashboard_users (user_name, display_name, role, unit, password_hash, must_change_password, created_at)
            VALUES ($name, $display, $role, $unit, $hash, $must, $at) RETURNING id;
            """;
        command.Parameters.AddWithValue("$name", userName);
        command.Parameters.AddWithValue("$display", pending.DisplayName.Length == 0 ? userName : pending.DisplayName);
        command.Parameters.AddWithValue("$role", role);
        command.Parameters.AddWithValue("$unit", (object?)pending.Unit ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$must", mustChangePassword ? 1 : 0);
        command.Parameters.AddWithValue("$at", DbTime.Format(pending.CreatedAt));
        try
        {
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return (await FindByIdAsync(id, cancellationToken))!;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new UserValidationException("UserNameTaken");
        }
    }

    /// <summary>The caller's own new password (the password page); clears the one-time flag.</summary>
    public async Task ChangeOwnPasswordAsync(Caller caller, DashboardUser user, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await _guard.DemandAsync(AdministrationPolicy.ChangeOwnPassword(caller, user.Id), caller, AuditArea, "password_change", "user:" + user.UserName, cancellationToken);
        await SetPasswordAsync(user, password, mustChangePassword: false, cancellationToken);
    }

    /// <summary>Gives <paramref name="user"/> a new one-time password and returns it (shown once to the caller).</summary>
    public async Task<string> ResetPasswordAsync(Caller caller, DashboardUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await _guard.DemandAsync(AdministrationPolicy.ResetPassword(caller, user.Unit), caller, AuditArea, "password_reset", "user:" + user.UserName, cancellationToken);
        var password = PasswordPolicy.GenerateOneTimePassword();
        await SetPasswordAsync(user, password, mustChangePassword: true, cancellationToken);
        return password;
    }

    /// <summary>Sets the role, unit and disabled flag of <paramref name="user"/>.</summary>
    public async Task UpdateAsync(Caller caller, DashboardUser user, string role, string? unit, bool disabled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        unit = NormalizeUnit(unit);
        await _guard.DemandAsync(AdministrationPolicy.ChangeUser(caller, user.Id, user.Unit, unit), caller, AuditArea, "update", "user:" + user.UserName, cancellationToken);
        if (!UserRoles.IsKnown(role))
            throw new UserValidationException("RoleInvalid");
        // An administrator who locks themselves out leaves the unit without one.
        if (user.Id == caller.UserId && (role != UserRoles.Admin || disabled))
            throw new UserValidationException("Users.CannotChangeSelf");
        await ExecuteAsync(
            "UPDATE dashboard_users SET role = $role, unit = $unit, disabled = $disabled WHERE id = $id;",
            cancellationToken,
            ("$role", role), ("$unit", (object?)unit ?? DBNull.Value), ("$disabled", disabled ? 1 : 0), ("$id", user.Id));
    }

    private Task SetPasswordAsync(DashboardUser user, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE dashboard_users SET password_hash = $hash, must_change_password = $must, failed_sign_ins = 0, locked_until = NULL WHERE id = $id;",
            cancellationToken,
            ("$hash", hasher.HashPassword(user, password)), ("$must", mustChangePassword ? 1 : 0), ("$id", user.Id));

    /// <summary>Counts a failed sign-in; locks the account once <paramref name="maxFailures"/> is reached.</summary>
    public Task RecordFailureAsync(long id, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE dashboard_users SET failed_sign_ins = failed_sign_ins + 1,
              locked_until = CASE WHEN failed_sign_ins + 1 >= $max THEN $until ELSE locked_until END
            WHERE id = $id;
            """,
            cancellationToken,
            ("$max", maxFailures), ("$until", DbTime.Format(lockUntil)), ("$id", id));

    public Task RecordSuccessAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE dashboard_users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $id;", cancellationToken, ("$id", id));

    public PasswordVerificationResult Verify(DashboardUser user, string password) =>
        hasher.VerifyHashedPassword(user, user.PasswordHash, password);

    public static string? NormalizeUnit(string? unit) => string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();

    private async Task<DashboardUser?> FindAsync(string where, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dashboard_users WHERE {where};";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DashboardUser Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.GetString(5),
        r.GetInt64(6) != 0,
        r.GetInt32(7),
        DbTime.ReadOrNull(r, 8),
        r.GetInt64(9) != 0,
        DbTime.Read(r, 10));
}
