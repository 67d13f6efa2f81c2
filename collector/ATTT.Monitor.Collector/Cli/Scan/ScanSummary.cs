namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>
/// What a scan did, for the last stderr line. <see cref="BadFiles"/> are inputs that are not valid
/// event logs (bad input, exit 2); <see cref="FailedFiles"/> could not be read (exit 1).
/// </summary>
internal sealed record ScanSummary(long Events, int Files, long Detections, int FailedFiles, int BadFiles);
