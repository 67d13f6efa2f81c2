using System.Globalization;
using ATTT.Monitor.Collector.Drills;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// What <c>attt drills run</c> prints: the run, then one tab-separated line per target
/// (<c>target link at elapsed_s target_s outcome</c>, outcome one of met, late, missed, waiting,
/// no_target), then <c>verdict</c> with the run's overall outcome.
/// </summary>
internal static class DrillRunReportText
{
    public static async Task WriteAsync(TextWriter output, DrillReport report)
    {
        var r = report.Run;
        await output.WriteLineAsync($"run {r.Id}\t{r.PlaybookId}\t{r.Unit}\t{r.Status}\t{r.Detail}").ConfigureAwait(false);
        foreach (var m in report.Measures)
        {
            await output.WriteLineAsync(string.Join('\t', "target", m.Link, m.At is { } at ? at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "-",
                Seconds(m.Elapsed), Seconds(m.Target), Name(m.Outcome), DrillReportText.Outcome(m))).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"verdict\t{Name(report.Verdict)}\t{DrillReportText.Outcome(report.Verdict)}\tincidents {string.Join(',', report.IncidentIds)}").ConfigureAwait(false);
    }

    public static string Name(DrillOutcome outcome) => outcome switch
    {
        DrillOutcome.Met => "met",
        DrillOutcome.Late => "late",
        DrillOutcome.Missed => "missed",
        DrillOutcome.Waiting => "waiting",
        _ => "no_target",
    };

    private static string Seconds(TimeSpan? span) => span is { } s ? ((long)s.TotalSeconds).ToString(CultureInfo.InvariantCulture) : "-";
}
