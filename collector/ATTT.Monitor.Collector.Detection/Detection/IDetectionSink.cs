using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Where the detection pipeline hands each slice's hits: inside the pipeline's transaction, which
/// then commits the new checkpoint with whatever the sink wrote, so a crash re-evaluates a slice
/// instead of losing or doubling its detections. The incidents area implements it; detection knows
/// nothing above it.
/// </summary>
public interface IDetectionSink
{
    Task RecordAsync(IReadOnlyList<DetectionHit> hits, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken);
}
