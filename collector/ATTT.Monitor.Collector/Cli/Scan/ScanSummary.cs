namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>What a scan did, for the last stderr line.</summary>
internal sealed record ScanSummary(long Events, int Files, long Detections, int FailedFiles);
