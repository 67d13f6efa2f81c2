namespace ATTT.Monitor.LoadGen;

/// <summary>
/// How detection kept up during the load window: events stored and evaluated (checkpoint moved),
/// the lag left when the load stopped, how long the pipeline then took to catch up (null: not within
/// --drain), and the collector's CPU seconds for the load and the catch-up together.
/// </summary>
internal sealed record DetectionFigures(long Stored, long Evaluated, long LagAtEnd, double? DrainSeconds, double? CollectorCpuWithDrain);
