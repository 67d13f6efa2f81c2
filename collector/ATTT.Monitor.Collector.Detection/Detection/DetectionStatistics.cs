using System.Collections.Concurrent;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>Counters of the running pipeline, for the dashboard and the logs. Thread-safe.</summary>
public sealed class DetectionStatistics
{
    private readonly ConcurrentDictionary<string, long> _hits = new(StringComparer.Ordinal);
    private long _evaluated;
    private long _detections;
    private long _evaluationErrors;
    private long _writeErrors;
    private long _checkpoint;
    private long _lastLatencyTicks;

    public long EventsEvaluated => Interlocked.Read(ref _evaluated);
    public long Detections => Interlocked.Read(ref _detections);
    public long EvaluationErrors => Interlocked.Read(ref _evaluationErrors);
    public long WriteErrors => Interlocked.Read(ref _writeErrors);

    /// <summary>Id of the last stored event whose detections are committed.</summary>
    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    /// <summary>From receipt of the newest event with a detection in the last slice to the slice's commit.</summary>
    public TimeSpan LastDetectionLatency => TimeSpan.FromTicks(Interlocked.Read(ref _lastLatencyTicks));

    public string? LastError { get; private set; }

    /// <summary>Matches per rule id since start.</summary>
    public IReadOnlyDictionary<string, long> HitsByRule => new Dictionary<string, long>(_hits, StringComparer.Ordinal);

    internal void AddEvaluated(int count) => Interlocked.Add(ref _evaluated, count);

    internal void AddHit(string ruleId)
    {
        Interlocked.Increment(ref _detections);
        _hits.AddOrUpdate(ruleId, 1, (_, n) => n + 1);
    }

    internal void AddEvaluationError(string message)
    {
        Interlocked.Increment(ref _evaluationErrors);
        LastError = message;
    }

    internal void AddWriteError(string message)
    {
        Interlocked.Increment(ref _writeErrors);
        LastError = message;
    }

    internal void Committed(long checkpoint, TimeSpan? latency)
    {
        Interlocked.Exchange(ref _checkpoint, checkpoint);
        if (latency is { } l)
            Interlocked.Exchange(ref _lastLatencyTicks, l.Ticks);
    }
}
