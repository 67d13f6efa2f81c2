using System.Text.Json;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Drill history in the embedded database: runs (one row per scheduled time, so a time is never
/// counted twice), what the schedule check has covered, and reminders. Times are Unix seconds.
/// </summary>
public sealed class DrillRunStore(EmbeddedDatabase database, TimeProvider time)
{
    /// <summary>
    /// Records that the drill scheduled for <paramref name="scheduledFor"/> starts. A time already
    /// recorded as missed (the startup check got there first) becomes running; a time already running
    /// or done gives null, so Quartz and the check never run one time twice.
    /// </summary>
    public async Task<long?> TryStartScheduledAsync(string playbookId, string unit, DateTimeOffset scheduledFor, string trigger, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO drill_runs (playbook_id, unit, scheduled_for, trigger, status, started_at, recorded_at)
            VALUES ($p, $u, $s, $t, 'running', $now, $now)
            ON CONFLICT (playbook_id, scheduled_for) WHERE scheduled_for IS NOT NULL
            DO UPDATE SET status = 'running', trigger = excluded.trigger, started_at = excluded.started_at,
                          detail = 'ghi nhận bỏ lỡ trước, sau đó vẫn chạy (recorded missed, then ran)'
            WHERE drill_runs.status = 'missed'
            RETURNING id;
            """;
        Bind(command, playbookId, unit, scheduledFor, trigger);
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return id is null ? null : (long)id;
    }

    /// <summary>Starts a run with no scheduled time (<c>attt drills run</c>, the dashboard's "run now").</summary>
    public async Task<long> StartManualAsync(string playbookId, string unit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO drill_runs (playbook_id, unit, scheduled_for, trigger, status, started_at, recorded_at)
            VALUES ($p, $u, NULL, $t, 'running', $now, $now) RETURNING id;
            """;
        Bind(command, playbookId, unit, null, DrillRunTrigger.Manual);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Asks the running collector to run a drill now (<c>attt drills run</c>, the dashboard): the
    /// data folder is the channel, so no extra network endpoint or credential is needed.
    /// </summary>
    public async Task<long> RequestAsync(string playbookId, string unit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO drill_runs (playbook_id, unit, scheduled_for, trigger, status, recorded_at)
            VALUES ($p, $u, NULL, $t, 'requested', $now) RETURNING id;
            """;
        Bind(command, playbookId, unit, null, DrillRunTrigger.Manual);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Takes the requested runs, marking them running, so that each is run once.</summary>
    public async Task<IReadOnlyList<(long Id, string PlaybookId)>> ClaimRequestedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE drill_runs SET status = 'running', started_at = $now WHERE status = 'requested' RETURNING id, playbook_id;";
        command.Parameters.AddWithValue("$now", Now());
        var list = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add((reader.GetInt64(0), reader.GetString(1)));
        return list;
    }

    /// <summary>Withdraws a request nobody picked up, so that a collector started later does not run a drill nobody waits for.</summary>
    public async Task<bool> WithdrawRequestAsync(long runId, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE drill_runs SET status = 'failed', finished_at = $now, detail = $d WHERE id = $id AND status = 'requested';";
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$d", detail);
        command.Parameters.AddWithValue("$id", runId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Sets the unit of a run requested from the command line, which does not know the collector's configuration.</summary>
    public async Task SetUnitAsync(long runId, string unit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE drill_runs SET unit = $u WHERE id = $id;";
        command.Parameters.AddWithValue("$u", unit);
        command.Parameters.AddWithValue("$id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a scheduled time that passed without a run; false when that time is already recorded.</summary>
    public async Task<bool> RecordMissedAsync(string playbookId, string unit, DateTimeOffset scheduledFor, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO drill_runs (playbook_id, unit, scheduled_for, trigger, status, detail, recorded_at)
            VALUES ($p, $u, $s, $t, 'missed', $d, $now)
            ON CONFLICT (playbook_id, scheduled_for) WHERE scheduled_for IS NOT NULL DO NOTHING;
            """;
        Bind(command, playbookId, unit, scheduledFor, DrillRunTrigger.Schedule);
        command.Parameters.AddWithValue("$d", detail);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task FinishAsync(long runId, string status, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE drill_runs SET status = $s, finished_at = $now, detail = COALESCE($d, detail) WHERE id = $id;";
        command.Parameters.AddWithValue("$s", status);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$d", (object?)detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs left 'running' by a collector that stopped: they did not finish and say so.</summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE drill_runs SET status = 'interrupted', finished_at = $now, detail = 'bộ thu dừng khi đang diễn tập (the collector stopped during the drill)' WHERE status = 'running';";
        command.Parameters.AddWithValue("$now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DrillRun>> ListAsync(string? unit, string? playbookId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, playbook_id, unit, scheduled_for, trigger, status, started_at, finished_at, detail FROM drill_runs
            WHERE ($u IS NULL OR unit = $u) AND ($p IS NULL OR playbook_id = $p)
            ORDER BY COALESCE(scheduled_for, started_at) DESC, id DESC;
            """;
        command.Parameters.AddWithValue("$u", (object?)unit ?? DBNull.Value);
        command.Parameters.AddWithValue("$p", (object?)playbookId ?? DBNull.Value);
        var list = new List<DrillRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DrillRun(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Time(reader, 3),
                reader.GetString(4), reader.GetString(5), Time(reader, 6), Time(reader, 7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return list;
    }

    public async Task<DrillRun?> GetAsync(long runId, CancellationToken cancellationToken) =>
        (await ListAsync(null, null, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Id == runId);

    /// <summary>The schedule last registered for a playbook and the time up to which its firings were checked.</summary>
    public async Task<(string Cron, string TimeZone, DateTimeOffset CheckedUntil)?> GetScheduleAsync(string playbookId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT cron, time_zone, checked_until FROM drill_schedules WHERE playbook_id = $p;";
        command.Parameters.AddWithValue("$p", playbookId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            return null;
        return (reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)));
    }

    public async Task SaveScheduleAsync(string playbookId, string cron, string timeZone, DateTimeOffset checkedUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO drill_schedules (playbook_id, cron, time_zone, checked_until) VALUES ($p, $c, $z, $t)
            ON CONFLICT (playbook_id) DO UPDATE SET cron = excluded.cron, time_zone = excluded.time_zone, checked_until = excluded.checked_until;
            """;
        command.Parameters.AddWithValue("$p", playbookId);
        command.Parameters.AddWithValue("$c", cron);
        command.Parameters.AddWithValue("$z", timeZone);
        command.Parameters.AddWithValue("$t", checkedUntil.ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a reminder to one participant; false when it was already recorded.</summary>
    public async Task<bool> RecordReminderAsync(string playbookId, DateTimeOffset drillAt, DateTimeOffset remindAt, string recipient, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO drill_reminders (playbook_id, drill_at, remind_at, recipient, recorded_at) VALUES ($p, $d, $r, $to, $now)
            ON CONFLICT DO NOTHING;
            """;
        command.Parameters.AddWithValue("$p", playbookId);
        command.Parameters.AddWithValue("$d", drillAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$r", remindAt.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$to", recipient);
        command.Parameters.AddWithValue("$now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>The targets a run is measured against, kept with the run so a report (and <c>attt drills run</c>) never depends on today's playbook file.</summary>
    public async Task SaveTargetsAsync(long runId, DrillTargets targets, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE drill_runs SET targets_json = $t WHERE id = $id;";
        command.Parameters.AddWithValue("$t", JsonSerializer.Serialize(targets));
        command.Parameters.AddWithValue("$id", runId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DrillTargets?> GetTargetsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT targets_json FROM drill_runs WHERE id = $id;";
        command.Parameters.AddWithValue("$id", runId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? JsonSerializer.Deserialize<DrillTargets>(json) : null;
    }

    private void Bind(SqliteCommand command, string playbookId, string unit, DateTimeOffset? scheduledFor, string trigger)
    {
        command.Parameters.AddWithValue("$p", playbookId);
        command.Parameters.AddWithValue("$u", unit);
        command.Parameters.AddWithValue("$s", scheduledFor is { } s ? s.ToUnixTimeSeconds() : DBNull.Value);
        command.Parameters.AddWithValue("$t", trigger);
        command.Parameters.AddWithValue("$now", Now());
    }

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    private static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(ordinal));
}
