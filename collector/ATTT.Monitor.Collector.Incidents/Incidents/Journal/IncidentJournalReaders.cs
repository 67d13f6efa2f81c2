using System.Globalization;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents.Journal;

/// <summary>
/// Moves each <see cref="IIncidentJournalConsumer"/> along the journal from its own checkpoint in
/// <c>incident_journal_readers</c>, one entry per transaction, and records the failure of the entry
/// it is stuck on. <see cref="IncidentJournalFollower"/> calls it in the background; tests call it
/// directly to catch a consumer up.
/// </summary>
public sealed class IncidentJournalReaders(EmbeddedDatabase database, IEnumerable<IIncidentJournalConsumer> consumers, TimeProvider time)
{
    private const int BatchSize = 200;
    private readonly IReadOnlyList<IIncidentJournalConsumer> _consumers = consumers.ToList();

    // One catch-up per reader at a time (the background follower and a caller that needs it now),
    // or both would handle the entry after the same checkpoint.
    private readonly Dictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public IReadOnlyList<IIncidentJournalConsumer> Consumers => _consumers;

    /// <summary>Handles every entry after the named consumer's checkpoint; returns how many.</summary>
    public Task<int> CatchUpAsync(string name, CancellationToken cancellationToken) =>
        CatchUpAsync(_consumers.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"No incident journal consumer is named '{name}'.", nameof(name)), cancellationToken);

    /// <summary>Handles every entry after the consumer's checkpoint; a failure is recorded against its entry and rethrown.</summary>
    public async Task<int> CatchUpAsync(IIncidentJournalConsumer consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        SemaphoreSlim gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(consumer.Name, out gate!))
                _gates[consumer.Name] = gate = new SemaphoreSlim(1, 1);
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await HandleAfterCheckpointAsync(consumer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> HandleAfterCheckpointAsync(IIncidentJournalConsumer consumer, CancellationToken cancellationToken)
    {
        var handled = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var checkpoint = await CheckpointAsync(connection, consumer.Name, cancellationToken).ConfigureAwait(false);
            var batch = await ReadAfterAsync(connection, checkpoint, BatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return handled;
            foreach (var (seq, json) in batch)
            {
                try
                {
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await consumer.HandleAsync(new IncidentJournalEntry(seq, IncidentJournal.Read(json, seq)), connection, transaction, cancellationToken).ConfigureAwait(false);
                    await SaveCheckpointAsync(connection, transaction, consumer.Name, seq, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    await RecordFailureAsync(connection, consumer.Name, seq, ex, cancellationToken).ConfigureAwait(false);
                    throw new IncidentJournalConsumerException(consumer.Name, seq, ex);
                }

                handled++;
            }
        }
    }

    public async Task<IReadOnlyList<JournalReaderStatus>> StatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var head = Sql.Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM incident_journal;");
        var last = Convert.ToInt64(await head.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var list = new List<JournalReaderStatus>();
        foreach (var consumer in _consumers)
        {
            await using var select = Sql.Command(connection, null,
                "SELECT seq, failing_seq, attempts, last_error, failed_at FROM incident_journal_readers WHERE name = $name;", ("$name", consumer.Name));
            await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            list.Add(await r.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new JournalReaderStatus(consumer.Name, r.GetInt64(0), last, r.IsDBNull(1) ? null : r.GetInt64(1), r.GetInt32(2), Sql.StringOrNull(r, 3), DbTime.ReadOrNull(r, 4))
                : new JournalReaderStatus(consumer.Name, 0, last, null, 0, null, null));
        }

        return list;
    }

    private static async Task<long> CheckpointAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var select = Sql.Command(connection, null, "SELECT seq FROM incident_journal_readers WHERE name = $name;", ("$name", name));
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long seq ? seq : 0;
    }

    private static async Task<List<(long Seq, string Json)>> ReadAfterAsync(SqliteConnection connection, long after, int limit, CancellationToken cancellationToken)
    {
        await using var select = Sql.Command(connection, null,
            "SELECT seq, change_json FROM incident_journal WHERE seq > $after ORDER BY seq LIMIT $limit;", ("$after", after), ("$limit", limit));
        await using var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long, string)>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            rows.Add((r.GetInt64(0), r.GetString(1)));
        return rows;
    }

    private async Task SaveCheckpointAsync(SqliteConnection connection, SqliteTransaction transaction, string name, long seq, CancellationToken cancellationToken)
    {
        await using var upsert = Sql.Command(connection, transaction, """
            INSERT INTO incident_journal_readers (name, seq, attempts, updated_at) VALUES ($name, $seq, 0, $now)
            ON CONFLICT (name) DO UPDATE SET seq = excluded.seq, failing_seq = NULL, attempts = 0, last_error = NULL, failed_at = NULL, updated_at = excluded.updated_at;
            """, ("$name", name), ("$seq", seq), ("$now", DbTime.Format(time.GetUtcNow())));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordFailureAsync(SqliteConnection connection, string name, long seq, Exception error, CancellationToken cancellationToken)
    {
        var now = DbTime.Format(time.GetUtcNow());
        await using var upsert = Sql.Command(connection, null, """
            INSERT INTO incident_journal_readers (name, seq, failing_seq, attempts, last_error, failed_at, updated_at) VALUES ($name, 0, $seq, 1, $error, $now, $now)
            ON CONFLICT (name) DO UPDATE SET failing_seq = excluded.failing_seq,
              attempts = CASE WHEN incident_journal_readers.failing_seq = excluded.failing_seq THEN incident_journal_readers.attempts + 1 ELSE 1 END,
              last_error = excluded.last_error, failed_at = excluded.failed_at, updated_at = excluded.updated_at;
            """, ("$name", name), ("$seq", seq), ("$error", $"{error.GetType().Name}: {error.Message}"), ("$now", now));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
