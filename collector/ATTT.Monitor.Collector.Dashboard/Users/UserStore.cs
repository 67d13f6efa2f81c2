using System.Globalization;
using ATTT.Monitor.Collector.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// Dashboard accounts in the embedded state database. Passwords are kept only as
/// <see cref="PasswordHasher{TUser}"/> hashes (PBKDF2); this class never sees them otherwise
/// than to hash or verify.
/// </summary>
public sealed class UserStore(EmbeddedDatabase database, IPasswordHasher<DashboardUser> hasher, TimeProvider time)
{
    private const string Columns = "id, user_name, display_name, role, unit, password_hash, must_change_password, failed_sign_ins, locked_until, disabled, created_at";

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dashboard_users;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<DashboardUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM dashboard_users ORDER BY user_name;";
        var users = new List<DashboardUser>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            users.Add(Read(reader));
        return users;
    }

    public Task<DashboardUser?> FindByNameAsync(string userName, CancellationToken cancellationToken) =>
        FindAsync("user_name = $key", userName, cancellationToken);

    public Task<DashboardUser?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        FindAsync("id = $key", id, cancellationToken);

    /// <summary>Creates an account; throws <see cref="UserValidationException"/> on a bad name, role or duplicate.</summary>
    public async Task<DashboardUser> CreateAsync(string userName, string displayName, string role, string? unit, string password, bool mustChangePassword, CancellationToken cancellationToken)
    {
        userName = userName.Trim();
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

    public Task SetPasswordAsync(DashboardUser user, string password, bool mustChangePassword, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE dashboard_users SET password_hash = $hash, must_change_password = $must, failed_sign_ins = 0, locked_until = NULL WHERE id = $id;",
            cancellationToken,
            ("$hash", hasher.HashPassword(user, password)), ("$must", mustChangePassword ? 1 : 0), ("$id", user.Id));

    public Task UpdateAsync(long id, string role, string? unit, bool disabled, CancellationToken cancellationToken)
    {
        if (!UserRoles.IsKnown(role))
            throw new UserValidationException("RoleInvalid");
        return ExecuteAsync(
            "UPDATE dashboard_users SET role = $role, unit = $unit, disabled = $disabled WHERE id = $id;",
            cancellationToken,
            ("$role", role), ("$unit", (object?)NormalizeUnit(unit) ?? DBNull.Value), ("$disabled", disabled ? 1 : 0), ("$id", id));
    }

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

    private static string? NormalizeUnit(string? unit) => string.IsNullOrWhiteSpace(unit) ? null : unit.Trim();

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
