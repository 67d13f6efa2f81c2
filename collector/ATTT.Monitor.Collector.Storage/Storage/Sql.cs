using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>The one helper for SQL commands and their parameters in the state database (a null value is SQL NULL).</summary>
public static class Sql
{
    /// <summary>A command on <paramref name="connection"/> (in <paramref name="transaction"/>, if any) with its parameters.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>
    /// A prepared command with the named parameters and no values yet, for a statement run many times
    /// in one transaction: the caller sets <c>Parameters[i].Value</c> in the order the names are given.
    /// </summary>
    public static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(names);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    /// <summary>Gives a parameter its value, adding it on a command's first run (a prepared command run many times).</summary>
    public static void Set(SqliteCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Parameters.Contains(name))
            command.Parameters[name].Value = value ?? DBNull.Value;
        else
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
    }

    public static string? StringOrNull(SqliteDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
