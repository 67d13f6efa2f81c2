using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>A human-readable table: time, level, computer, event, rule. Control characters are replaced.</summary>
internal sealed class TableDetectionWriter(TextWriter output) : IDetectionWriter
{
    private bool _header;

    public void Write(SigmaDetection detection, string input)
    {
        if (!_header)
        {
            output.WriteLine($"{"timestamp",-27} {"level",-13} {"computer",-24} {"channel/event",-40} rule");
            _header = true;
        }

        var f = DetectionFields.Of(detection);
        output.WriteLine($"{f.Timestamp,-27} {detection.Rule.LevelName,-13} {Clean(f.Computer),-24} {Clean($"{f.Channel}/{f.EventId}"),-40} {Clean(detection.Rule.Title)}");
    }

    public void Complete() => output.Flush();

    private static string Clean(string s) => string.Create(s.Length, s, static (span, src) =>
    {
        for (var i = 0; i < src.Length; i++) span[i] = char.IsControl(src[i]) ? ' ' : src[i];
    });
}
