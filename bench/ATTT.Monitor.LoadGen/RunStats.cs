using System.Net;
using System.Text.Json;

namespace ATTT.Monitor.LoadGen;

/// <summary>Counters and latencies of one run; the summary is one JSON object.</summary>
internal sealed class RunStats
{
    private readonly Lock _lock = new();
    private readonly List<double> _latenciesMs = new(100_000);
#pragma warning disable CA1051 // Interlocked counters: fields on purpose.
    public long Events;
    public long Built;
#pragma warning restore CA1051
    private long _batches;
    private long _tooMany;
    private long _unavailable;
    private long _otherStatus;
    private long _failed;

    public void Acknowledged(int events, TimeSpan latency)
    {
        Interlocked.Add(ref Events, events);
        Interlocked.Increment(ref _batches);
        lock (_lock)
            _latenciesMs.Add(latency.TotalMilliseconds);
    }

    public void Refused(HttpStatusCode status)
    {
        if (status == HttpStatusCode.TooManyRequests)
            Interlocked.Increment(ref _tooMany);
        else if (status == HttpStatusCode.ServiceUnavailable)
            Interlocked.Increment(ref _unavailable);
        else
            Interlocked.Increment(ref _otherStatus);
    }

    public void Failed() => Interlocked.Increment(ref _failed);

    public string Summary(LoadGenOptions options, TimeSpan elapsed, int? collectorPid, double? collectorCpuSeconds, double loadGenCpuSeconds,
        DetectionFigures detection, MarkerTracker? markers, IReadOnlyList<(double Seconds, long Kb)> rss)
    {
        double[] sorted;
        lock (_lock)
            sorted = [.. _latenciesMs.Order()];
        var seconds = elapsed.TotalSeconds;
        var summary = new Dictionary<string, object?>
        {
            ["duration_s"] = Math.Round(seconds, 1),
            ["agents"] = options.Agents,
            ["batch_size"] = options.BatchSize,
            ["concurrency"] = options.Concurrency,
            ["target_rate"] = options.Rate,
            ["rules"] = options.Rules,
            ["events_acknowledged"] = Events,
            ["events_per_s"] = Math.Round(Events / seconds),
            ["batches_acknowledged"] = _batches,
            ["ack_latency_ms_p50"] = Math.Round(Percentile(sorted, 0.50), 1),
            ["ack_latency_ms_p99"] = Math.Round(Percentile(sorted, 0.99), 1),
            ["ack_latency_ms_max"] = Math.Round(sorted.LastOrDefault(), 1),
            ["refused_429"] = _tooMany,
            ["refused_503"] = _unavailable,
            ["other_status"] = _otherStatus,
            ["connection_failures"] = _failed,
            ["events_stored"] = detection.Stored,
            ["events_evaluated"] = detection.Evaluated,
            ["evaluated_per_s"] = Math.Round(detection.Evaluated / seconds),
            ["detection_lag_at_end"] = detection.LagAtEnd,
            ["detection_catch_up_s"] = detection.DrainSeconds is { } d ? Math.Round(d, 1) : null,
            ["collector_pid"] = collectorPid,
            ["collector_cpu_s"] = collectorCpuSeconds is { } cpu ? Math.Round(cpu, 1) : null,
            ["events_per_collector_cpu_s"] = collectorCpuSeconds is > 0 ? Math.Round(Events / collectorCpuSeconds.Value) : null,
            ["collector_cpu_s_with_catch_up"] = detection.CollectorCpuWithDrain is { } all ? Math.Round(all, 1) : null,
            ["stored_events_per_collector_cpu_s_with_catch_up"] = detection.CollectorCpuWithDrain is > 0 && detection.DrainSeconds is not null
                ? Math.Round(detection.Stored / detection.CollectorCpuWithDrain.Value) : null,
            ["loadgen_cpu_s"] = Math.Round(loadGenCpuSeconds, 1),
        };
        if (markers is not null)
        {
            var (seen, visible, created) = markers.Results();
            summary["markers_sent"] = markers.Sent;
            summary["markers_seen"] = seen;
            summary["receipt_to_incident_ms_p50"] = Math.Round(Percentile(visible, 0.50), 1);
            summary["receipt_to_incident_ms_p99"] = Math.Round(Percentile(visible, 0.99), 1);
            summary["receipt_to_incident_ms_max"] = Math.Round(visible.LastOrDefault(), 1);
            summary["receipt_to_created_at_ms_p99"] = Math.Round(Percentile(created, 0.99), 1);
        }

        AddRss(summary, rss);
        return JsonSerializer.Serialize(summary, LoadGenJson.Default.DictionaryStringObject);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Start, middle and end of the RSS curve, the peak, and the slope (least squares) over the second half.</summary>
    private static void AddRss(Dictionary<string, object?> summary, IReadOnlyList<(double Seconds, long Kb)> rss)
    {
        if (rss.Count == 0)
            return;
        summary["collector_rss_mib_start"] = rss[0].Kb / 1024;
        summary["collector_rss_mib_mid"] = rss[rss.Count / 2].Kb / 1024;
        summary["collector_rss_mib_end"] = rss[^1].Kb / 1024;
        summary["collector_rss_mib_max"] = rss.Max(r => r.Kb) / 1024;
        var half = rss.Skip(rss.Count / 2).ToList();
        if (half.Count < 3)
            return;
        var meanT = half.Average(r => r.Seconds);
        var meanM = half.Average(r => r.Kb / 1024.0);
        var cov = half.Sum(r => (r.Seconds - meanT) * (r.Kb / 1024.0 - meanM));
        var varT = half.Sum(r => (r.Seconds - meanT) * (r.Seconds - meanT));
        summary["collector_rss_mib_per_min_second_half"] = varT > 0 ? Math.Round(cov / varT * 60, 2) : null;
        summary["collector_rss_curve_mib"] = string.Join(' ', rss.Where((_, i) => i % Math.Max(1, rss.Count / 20) == 0).Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Seconds:F0}s:{r.Kb / 1024}")));
    }
}
