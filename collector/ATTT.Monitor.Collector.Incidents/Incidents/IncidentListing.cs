using System.Text.Encodings.Web;
using System.Text.Json;
using ATTT.Monitor.Events;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// <c>attt incidents list</c>: reads the state database read-only (works beside a running
/// <c>attt serve</c> thanks to WAL) and writes incidents newest first.
/// </summary>
public static class IncidentListing
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Keep Vietnamese readable in a terminal; control characters and quotes are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes every incident to <paramref name="output"/>; returns how many.</summary>
    public static async Task<int> WriteAsync(string databasePath, bool jsonl, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!await HasIncidentsTableAsync(connection, cancellationToken).ConfigureAwait(false))
            return 0;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {IncidentRows.Columns} FROM incidents ORDER BY last_seen DESC, id DESC;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var count = 0;
        if (!jsonl)
            await output.WriteLineAsync("ID\tMỨC ĐỘ/SEVERITY\tTRẠNG THÁI/STATE\tMÁY/HOST\tSỐ LẦN/COUNT\tLẦN CUỐI/LAST SEEN\tTIÊU ĐỀ/TITLE").ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var incident = IncidentRows.Read(reader);
            await output.WriteLineAsync(jsonl ? ToJsonLine(incident) : ToTableLine(incident)).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>The contract's keys, in the contract's order, plus <c>drill</c> (drill incidents are never real).</summary>
    public static string ToJsonLine(Incident i)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("id", i.Id);
            json.WriteString("title", i.Title);
            json.WriteString("rule_id", i.RuleId);
            json.WriteString("severity", i.Severity.ToText());
            json.WriteString("state", i.State.ToText());
            json.WriteString("host", i.Host);
            json.WriteString("first_seen", EventTime.Format(i.FirstSeen));
            json.WriteString("last_seen", EventTime.Format(i.LastSeen));
            json.WriteNumber("count", i.Count);
            json.WriteBoolean("drill", i.IsDrill);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string ToTableLine(Incident i) => string.Join('\t',
        i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        i.Severity.ToText(),
        i.State.ToText(),
        Printable(i.Host),
        i.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        EventTime.Format(i.LastSeen),
        (i.IsDrill ? "[diễn tập/drill] " : "") + Printable(i.Title));

    /// <summary>Event text is attacker-controlled: no control characters (terminal escapes) reach the screen.</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? '\uFFFD' : c));

    private static async Task<bool> HasIncidentsTableAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'incidents';";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
