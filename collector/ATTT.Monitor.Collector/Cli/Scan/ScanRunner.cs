using ATTT.Monitor.Inputs;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>
/// Streams every event of every input through the rules, each file read in whatever format its
/// content is (<see cref="EventFileReader"/>: EVTX, the JSON shapes of evtx dump, OTRF, Winlogbeat
/// and NXLog, zip archives of them; an archive entry's detections name it as <c>ARCHIVE/ENTRY</c>).
/// Detections of rules that feed correlations are kept aside, sorted by time and replayed through
/// the correlation engine at the end, because inputs are not in time order across files. A file that cannot be read is reported
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
            long damaged = 0, badRecords = 0;
            var reader = new EventFileReader(w =>
            {
                var badRecord = w.Kind == InputWarningKind.BadRecord;
                if (badRecord) badRecords++;
                else damaged++;
                // The first bad record of a file is always named (file, line); --verbose names every warning.
                if (verbose || (badRecord && badRecords == 1)) errors.WriteLine($"{(badRecord ? "error" : "warning")}: {w}");
            });
            var isBad = false;
            try
            {
                foreach (var r in reader.Read(file))
                {
                    events++;
                    buffer.Clear();
                    if (engine.Evaluate(r.Event, buffer) == 0) continue;
                    var input = r.Entry is null ? file : $"{file}/{r.Entry}";
                    foreach (var d in buffer)
                    {
                        if (d.Rule.GeneratesAlerts)
                        {
                            writer.Write(d, input);
                            detections++;
                        }

                        if (correlation.IsReferenced(d.Rule)) forCorrelation.Add((d, input));
                    }
                }
            }
            catch (Exception ex) when (ex is InputFormatException or IOException or UnauthorizedAccessException)
            {
                if (ex is InputFormatException) isBad = true;
                else failed++;
                errors.WriteLine($"error: {file}: {ex.Message.ReplaceLineEndings(" ")} (events read before the error were scanned)");
            }

            // A JSON record that is not an event makes its file bad input (exit 2), as a file that is not
            // one does; EVTX damage the reader skips is a warning, as it is for `evtx dump`.
            if (badRecords > 0)
            {
                isBad = true;
                if (badRecords > 1 && !verbose) errors.WriteLine($"error: {file}: {badRecords} bad records skipped (--verbose names each)");
            }

            if (isBad) bad++;
            if (damaged > 0 && !verbose)
                errors.WriteLine($"warning: {file}: {damaged} damaged parts skipped (--verbose lists them)");
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
}
