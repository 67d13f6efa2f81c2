using System.Text;
using Microsoft.Data.Sqlite;
using ZstdSharp;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// Version 3 of an events.db written by an earlier build: events with their strings in each row and
/// a JSON TEXT body become rows of (source, time, event id, compressed body) with event_sources and
/// a dictionary trained on a sample of the stored bodies; ids, times of receipt and batches stay as
/// they are, so detection checkpoints, incidents' event ids and retention see the same events.
/// Runs inside the caller's transaction: an interrupted migration leaves the old file as it was.
/// </summary>
internal static class EventsVersion3
{
    private const int MinimumSamplesForDictionary = 100;

    public static void Apply(SqliteConnection connection, SqliteTransaction transaction)
    {
        Execute(connection, transaction, $"""
            {EventsSchemaV3.SourcesAndDictionaries}
            CREATE TABLE events_v3 (
            {EventsSchemaV3.EventColumns}
            );
            INSERT INTO event_sources (agent_id, unit, is_drill, host, channel)
                SELECT DISTINCT agent_id, unit, is_drill, host, channel FROM events;
            """);
        var sequence = Scalar(connection, transaction, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0);");
        var dictionary = Train(connection, transaction);
        CopyEvents(connection, transaction, dictionary);
        Execute(connection, transaction, $"""
            DROP TABLE events;
            ALTER TABLE events_v3 RENAME TO events;
            {EventsSchemaV3.EventIndexes}
            """);
        // New events continue after the highest id ever given, even if retention deleted it.
        using (var seq = connection.CreateCommand())
        {
            seq.Transaction = transaction;
            seq.CommandText = """
                UPDATE sqlite_sequence SET seq = MAX(seq, $seq) WHERE name = 'events';
                INSERT INTO sqlite_sequence (name, seq) SELECT 'events', $seq WHERE $seq > 0 AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events');
                """;
            seq.Parameters.AddWithValue("$seq", sequence);
            seq.ExecuteNonQuery();
        }
    }

    private static (long Id, byte[] Bytes)? Train(SqliteConnection connection, SqliteTransaction transaction)
    {
        var samples = new List<byte[]>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT body FROM events ORDER BY random() LIMIT $n;";
            select.Parameters.AddWithValue("$n", DictionaryTraining.Samples);
            using var reader = select.ExecuteReader();
            while (reader.Read())
                samples.Add(Encoding.UTF8.GetBytes(reader.GetString(0)));
        }

        if (samples.Count < MinimumSamplesForDictionary)
            return null;
        var bytes = DictBuilder.TrainFromBufferFastCover(samples, 10, EventBodyCodec.DictionarySize).ToArray();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO event_dictionaries (created_at, samples, bytes) VALUES ($at, $samples, $bytes) RETURNING id;";
        insert.Parameters.AddWithValue("$at", TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$samples", samples.Count);
        insert.Parameters.AddWithValue("$bytes", bytes);
        return ((long)insert.ExecuteScalar()!, bytes);
    }

    private static void CopyEvents(SqliteConnection connection, SqliteTransaction transaction, (long Id, byte[] Bytes)? dictionary)
    {
        using var compressor = EventBodyCodec.CreateCompressor(dictionary?.Bytes);
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = """
            SELECT e.id, e.received_at, e.time, s.id, e.event_id, CAST(e.body AS BLOB) FROM events e
            JOIN event_sources s ON s.agent_id = e.agent_id AND s.unit = e.unit AND s.is_drill = e.is_drill AND s.host = e.host AND s.channel = e.channel
            ORDER BY e.id;
            """;
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO events_v3 (id, received_at, time, source, event_id, dict, body) VALUES ($id, $received, $time, $source, $event_id, $dict, $body);";
        var p = new[] { "$id", "$received", "$time", "$source", "$event_id", "$dict", "$body" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();
        p[5].Value = dictionary?.Id ?? EventBodyCodec.NoDictionary;
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            for (var i = 0; i < 5; i++)
                p[i].Value = reader.GetInt64(i);
            p[6].Value = compressor.Wrap((byte[])reader.GetValue(5)).ToArray();
            insert.ExecuteNonQuery();
        }
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
