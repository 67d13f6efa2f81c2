using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>Where scan writes detections (jsonl or table).</summary>
internal interface IDetectionWriter
{
    void Write(SigmaDetection detection, string input);
    void Complete();
}
