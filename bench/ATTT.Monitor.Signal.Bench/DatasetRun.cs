using System.Diagnostics;
using System.Text.Json;

namespace ATTT.Monitor.Signal.Bench;

/// <summary>
/// One dataset: a fresh collector, one enrolled agent that replays the dataset to its end as fast as
/// it can, then detection allowed to catch up, then the counts.
/// </summary>
internal static class DatasetRun
{
    public const string Unit = "Xã Sảng Mộc";

    public static async Task<SignalCounts> RunAsync(SignalOptions options, Dataset dataset)
    {
        var data = Path.Combine(Path.GetTempPath(), "attt-signal-" + dataset.Name);
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
        Directory.CreateDirectory(data);
        var config = SignalConfig.Write(data, options.RulePaths);
        long events;
        await using (var collector = await CollectorUnderTest.StartAsync(options.Attt, data, config).ConfigureAwait(false))
        {
            var code = await Command.LastLineAsync(options.Attt, "agents", "enroll-code", "--data", data, "--unit", Unit).ConfigureAwait(false);
            var (exit, _, agentLog) = await Command.RunAsync(options.Agent, "run", "--collector", collector.Url, "--enroll-code", code,
                "--state", Path.Combine(data, "agent"), "--source", dataset.Source, "--exit-when-drained").ConfigureAwait(false);
            if (exit != 0)
                throw new InvalidOperationException($"attt-agent exited {exit} on {dataset.Name}:\n{Tail(agentLog)}");
            events = await WaitForDetectionAsync(options.Attt, data).ConfigureAwait(false);
            // Notices are written by the journal's readers after detection; wait for them, then give the sender and the watchers a moment.
            await WaitForJournalAsync(data).ConfigureAwait(false);
            await Task.Delay(options.Settle).ConfigureAwait(false);
        }

        var scan = await ScanDetections.RunAsync(options.Attt, options.RulePaths, dataset.Path).ConfigureAwait(false);
        var counts = await SignalCounts.ReadAsync(data, events, scan.Unavailable is null ? scan.Count : -1).ConfigureAwait(false);
        var evidence = await IncidentEvidence.ReadAsync(data).ConfigureAwait(false);
        counts = counts with { HighDetectionsOutsideIncidents = scan.Unavailable is null ? scan.HighOrCritical.Count(k => !evidence.Contains(k)) : -1 };
        if (scan.Unavailable is not null)
            Console.Error.WriteLine($"{dataset.Name}: attt scan could not read the input ({scan.Unavailable}); rule matches not counted.");
        if (!options.Keep)
            Directory.Delete(data, recursive: true);
        else
            Console.Error.WriteLine($"{dataset.Name}: data kept in {data}");
        return counts;
    }

    /// <summary>Waits until detection's checkpoint reaches the newest stored event; returns the events stored.</summary>
    private static async Task<long> WaitForDetectionAsync(string attt, string data)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var stats = JsonDocument.Parse(await Command.LastLineAsync(attt, "stats", "--data", data).ConfigureAwait(false));
            var root = stats.RootElement;
            if (root.GetProperty("detection_checkpoint").GetInt64() >= root.GetProperty("events_last_id").GetInt64())
                return root.GetProperty("events").GetInt64();
            if (waited.Elapsed > TimeSpan.FromMinutes(30))
                throw new TimeoutException("Detection did not catch up within 30 minutes.");
            await Task.Delay(500).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every incident journal reader (notifications, drills) has handled every change.</summary>
    private static async Task WaitForJournalAsync(string data)
    {
        var waited = Stopwatch.StartNew();
        var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(data, "attt.db"), Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString());
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            while (true)
            {
                await using var command = connection.CreateCommand();
                // The collector's two readers; one that has not handled anything yet has no row and counts as 0.
                command.CommandText = """
                    SELECT (SELECT COALESCE(MAX(seq), 0) FROM incident_journal),
                           MIN(COALESCE((SELECT seq FROM incident_journal_readers WHERE name = 'notifications'), 0),
                               COALESCE((SELECT seq FROM incident_journal_readers WHERE name = 'drills'), 0));
                    """;
                await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
                await reader.ReadAsync().ConfigureAwait(false);
                if (reader.GetInt64(1) >= reader.GetInt64(0))
                    return;
                if (waited.Elapsed > TimeSpan.FromMinutes(30))
                    throw new TimeoutException("The incident journal's readers did not catch up within 30 minutes.");
                await Task.Delay(500).ConfigureAwait(false);
            }
        }
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(20));
}
