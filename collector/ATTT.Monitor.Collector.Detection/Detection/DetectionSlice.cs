using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>Events read from the store in id order, passed from the reader to the evaluator.</summary>
internal sealed record EventSlice(IReadOnlyList<StoredEvent> Events)
{
    public long LastId => Events[^1].Id;
}

/// <summary>
/// The detections of one slice, passed from the evaluator to the incident writer, with the detector's
/// state after the slice when it changed (committed with the checkpoint).
/// </summary>
internal sealed record DetectionSlice(long LastId, IReadOnlyList<DetectionHit> Hits, DateTimeOffset? NewestHitReceivedAt, DetectorState? State = null);
