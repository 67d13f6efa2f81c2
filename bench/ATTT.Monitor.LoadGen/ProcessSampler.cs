using System.Diagnostics;
using System.Globalization;

namespace ATTT.Monitor.LoadGen;

/// <summary>
/// Every 5 s: events acknowledged, stored and evaluated (the detection lag) and the collector's RSS,
/// printed as a line and kept for the RSS curve of the summary.
/// </summary>
internal sealed class ProcessSampler(int? collectorPid, CollectorProbe probe, RunStats stats, Stopwatch clock, TextWriter log)
{
    private readonly List<(double Seconds, long Kb)> _rss = [];

    public IReadOnlyList<(double Seconds, long Kb)> Rss => _rss;

    public async Task RunAsync(CancellationToken stop)
    {
        long lastEvents = 0;
        var last = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(5), stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
            var now = clock.Elapsed;
            var events = Interlocked.Read(ref stats.Events);
            var stored = probe.StoredEvents();
            var evaluated = probe.EvaluatedEvents();
            var rss = collectorPid is { } pid ? RssKb(pid) : null;
            if (rss is { } kb)
                _rss.Add((now.TotalSeconds, kb));
            var cpu = collectorPid is { } p ? CpuSeconds(p) : null;
            var rate = (events - lastEvents) / Math.Max(0.001, (now - last).TotalSeconds);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"t={now.TotalSeconds,5:F0}s acked={events,9} rate={rate,7:F0}/s stored={stored,9} evaluated={evaluated,9} lag={stored - evaluated,8} " +
                $"rss={(rss is null ? "-" : (rss.Value / 1024).ToString(CultureInfo.InvariantCulture) + "MiB")} cpu={(cpu is null ? "-" : cpu.Value.ToString("F1", CultureInfo.InvariantCulture) + "s")}")).ConfigureAwait(false);
            lastEvents = events;
            last = now;
        }
    }

    /// <summary>User + system CPU seconds of a process, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static long? RssKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
