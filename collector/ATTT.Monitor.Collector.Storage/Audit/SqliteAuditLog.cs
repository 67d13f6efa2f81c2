using System.Globalization;
using System.Text;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Audit;

/// <summary><see cref="IAuditLog"/> on the embedded state database.</summary>
public sealed class SqliteAuditLog(EmbeddedDatabase database) : IAuditLog
{
    public async Task<long> WriteAsync(AuditEntry entry, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Area);
        ArgumentException.ThrowIfNullOrEmpty(entry.Action);
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO audit_log (area, action, actor, target, details, at)
            VALUES ($area, $action, $actor, $target, $details, $at) RETURNING id;
            """;
        command.Parameters.AddWithValue("$area", entry.Area);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$target", (object?)entry.Target ?? DBNull.Value);
        command.Parameters.AddWithValue("$details", (object?)entry.Details ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", DbTime.Format(entry.At));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<long> WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var id = await WriteAsync(entry, connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return id;
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("1 = 1");
        Filter(command, where, "area = $area", "$area", query.Area);
        Filter(command, where, "target = $target", "$target", query.Target);
        Filter(command, where, "actor = $actor", "$actor", query.Actor);
        Filter(command, where, "at >= $from", "$from", query.From is { } from ? DbTime.Format(from) : null);
        Filter(command, where, "at <= $to", "$to", query.To is { } to ? DbTime.Format(to) : null);
        if (query.BeforeId is { } before)
        {
            where.Append(" AND id < $before");
            command.Parameters.AddWithValue("$before", before);
        }

        command.CommandText = $"SELECT id, area, action, actor, target, details, at FROM audit_log WHERE {where} ORDER BY id DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Clamp(query.Limit, 1, 1000));
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            records.Add(Read(reader));
        return records;
    }

    public static AuditRecord Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        DbTime.Parse(reader.GetString(6)));

    private static void Filter(SqliteCommand command, StringBuilder where, string clause, string name, string? value)
    {
        if (value is null)
            return;
        where.Append(" AND ").Append(clause);
        command.Parameters.AddWithValue(name, value);
    }
}
