using System.Diagnostics;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Hosting;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>
/// The detection pipeline's two CPU stages as <c>attt serve</c> runs them, pass after pass over the
/// load generator's events: the collector's detector on each slice, then the slice's incidents and
/// checkpoint committed in attt.db (a fresh data folder, the collector's own services and hooks).
/// Prints CPU microseconds per event of each stage per pass, so a stage that costs more as the
/// incidents grow shows as a rising column.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task<int> RunAsync(IReadOnlyList<string> rules, IReadOnlyList<IReadOnlyList<StoredEvent>> slices, int passes, int workers)
    {
        var data = Path.Combine(Path.GetTempPath(), "attt-pipeline-bench-" + Guid.NewGuid().ToString("N"));
        var config = Path.Combine(data, "bench.json");
        Directory.CreateDirectory(data);
        var paths = string.Join(", ", rules.Select(r => System.Text.Json.JsonSerializer.Serialize(r)));
        await File.WriteAllTextAsync(config, $$"""{ "Detection": { "RulePaths": [ {{paths}} ], "EvaluationWorkers": {{workers}} } }""").ConfigureAwait(false);
        try
        {
            await using var app = CollectorHost.Build(new ServeOptions(data, "http://127.0.0.1:0", config));
            var database = app.Services.GetRequiredService<EmbeddedDatabase>();
            await database.InitializeAsync().ConfigureAwait(false);
            var incidents = app.Services.GetRequiredService<IncidentManager>();
            var detector = app.Services.GetRequiredService<IDetectorSource>().CreateDetector();
            var matches = new SliceMatches();
            var events = slices.Sum(s => s.Count);
            var offset = 0L;
            Console.WriteLine($"pipeline, {workers} worker(s): pass, hits, detect µs CPU/event, incidents+commit µs CPU/event");
            for (var pass = 1; pass <= passes; pass++)
            {
                var detectCpu = TimeSpan.Zero;
                var commitCpu = TimeSpan.Zero;
                var hits = 0;
                foreach (var slice in slices)
                {
                    // Each pass stores the events again under new ids, as the load generator's replay does.
                    var stored = slice.Select(e => e with { Id = e.Id + offset }).ToList();
                    var before = Cpu();
                    detector.Evaluate(stored, matches);
                    var sliceHits = new List<DetectionHit>();
                    for (var i = 0; i < stored.Count; i++)
                    {
                        foreach (var match in matches.MatchesOf(i))
                            sliceHits.Add(DetectionPipeline.ToHit(match, stored[i]));
                    }

                    var middle = Cpu();
                    await CommitAsync(database, incidents, sliceHits, stored[^1].Id).ConfigureAwait(false);
                    var after = Cpu();
                    detectCpu += middle - before;
                    commitCpu += after - middle;
                    hits += sliceHits.Count;
                }

                offset += events;
                Console.WriteLine($"{pass}\t{hits}\t{detectCpu.TotalMicroseconds / events:F1}\t{commitCpu.TotalMicroseconds / events:F1}");
            }

            SqliteConnection.ClearAllPools();
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        return 0;
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>As the pipeline's writer: the slice's incidents and the checkpoint in one transaction.</summary>
    private static async Task CommitAsync(EmbeddedDatabase database, IncidentManager incidents, List<DetectionHit> hits, long lastId)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        if (hits.Count > 0)
            await incidents.RecordDetectionsAsync(hits, connection, transaction, CancellationToken.None).ConfigureAwait(false);
        await DetectionCheckpoint.WriteAsync(connection, transaction, lastId, DateTimeOffset.UtcNow, CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }
}
