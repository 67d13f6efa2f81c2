using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Json;
using ATTT.Monitor.Evtx;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>
/// Streams every event of every input through the rules. Detections of rules that feed
/// correlations are kept aside, sorted by time and replayed through the correlation engine at the
/// end, because inputs are not in time order across files. A file that cannot be read is reported
/// and the scan goes on with the others.
/// </summary>
internal sealed class ScanRunner(SigmaRuleSet rules, IDetectionWriter writer, TextWriter errors, bool verbose)
{
    public ScanSummary Run(IReadOnlyList<string> files)
    {
        var engine = rules.CreateEngine();
        var correlation = rules.CreateCorrelationEngine();
        var forCorrelation = new List<(SigmaDetection Detection, string Input)>();
        var buffer = new List<SigmaDetection>();
        long events = 0, detections = 0;
        int failed = 0, bad = 0;
        foreach (var file in files)
        {
            var warnings = 0;
            try
            {
                foreach (var e in Read(file, w =>
                {
                    warnings++;
                    if (verbose) errors.WriteLine($"warning: {w.File}: chunk {w.Chunk}, offset {w.Offset}: {w.Message}");
                }))
                {
                    events++;
                    buffer.Clear();
                    if (engine.Evaluate(e, buffer) == 0) continue;
                    foreach (var d in buffer)
                    {
                        if (d.Rule.GeneratesAlerts)
                        {
                            writer.Write(d, file);
                            detections++;
                        }

                        if (correlation.IsReferenced(d.Rule)) forCorrelation.Add((d, file));
                    }
                }
            }
            catch (Exception ex) when (ex is EvtxFormatException or EventJsonException or IOException or UnauthorizedAccessException)
            {
                if (ex is EvtxFormatException or EventJsonException) bad++;
                else failed++;
                errors.WriteLine($"error: {file}: {ex.Message.ReplaceLineEndings(" ")} (events read before the error were scanned)");
            }

            if (warnings > 0 && !verbose)
                errors.WriteLine($"warning: {file}: {warnings} damaged parts skipped (--verbose lists them)");
        }

        foreach (var (d, input) in forCorrelation.OrderBy(x => x.Detection.Timestamp))
        {
            foreach (var c in correlation.Process(d))
            {
                if (!c.Rule.GeneratesAlerts) continue;
                writer.Write(c, input);
                detections++;
            }
        }

        writer.Complete();
        return new ScanSummary(events, files.Count, detections, failed, bad);
    }

    private static IEnumerable<EventRecord> Read(string file, Action<EvtxWarning> onWarning)
    {
        if (ScanInputs.IsEvtx(file)) return EvtxFile.ReadEvents(file, null, onWarning);
        return ReadJson(file);
    }

    private static IEnumerable<EventRecord> ReadJson(string file)
    {
        using var stream = File.OpenRead(file);
        foreach (var e in EventJsonReader.ReadConcatenated(stream)) yield return e;
    }
}
