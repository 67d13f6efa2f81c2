using System.Net;
using System.Text.Json;

namespace ATTT.Monitor.LoadGen;

/// <summary>Counters and latencies of one run; the summary is one JSON object.</summary>
internal sealed class RunStats
{
    private readonly Lock _lock = new();
    private readonly List<double> _latenciesMs = new(100_000);
    private readonly List<long> _rssKb = [];
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

    public void Rss(long kb)
    {
        lock (_lock)
            _rssKb.Add(kb);
    }

    public string Summary(LoadGenOptions options, TimeSpan elapsed, int? collectorPid, double? collectorCpuSeconds, double loadGenCpuSeconds)
    {
        double[] sorted;
        long[] rss;
        lock (_lock)
        {
            sorted = [.. _latenciesMs.Order()];
            rss = [.. _rssKb];
        }

        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var summary = new Dictionary<string, object?>
        {
            ["duration_s"] = Math.Round(elapsed.TotalSeconds, 1),
            ["agents"] = options.Agents,
            ["batch_size"] = options.BatchSize,
            ["concurrency"] = options.Concurrency,
            ["target_rate"] = options.Rate,
            ["events_acknowledged"] = Events,
            ["events_per_s"] = Math.Round(Events / elapsed.TotalSeconds),
            ["batches_acknowledged"] = _batches,
            ["ack_latency_ms_p50"] = Math.Round(Percentile(0.50), 1),
            ["ack_latency_ms_p99"] = Math.Round(Percentile(0.99), 1),
            ["ack_latency_ms_max"] = Math.Round(sorted.LastOrDefault(), 1),
            ["refused_429"] = _tooMany,
            ["refused_503"] = _unavailable,
            ["other_status"] = _otherStatus,
            ["connection_failures"] = _failed,
            ["collector_pid"] = collectorPid,
            ["collector_cpu_s"] = collectorCpuSeconds is { } cpu ? Math.Round(cpu, 1) : null,
            ["events_per_collector_cpu_s"] = collectorCpuSeconds is > 0 ? Math.Round(Events / collectorCpuSeconds.Value) : null,
            ["loadgen_cpu_s"] = Math.Round(loadGenCpuSeconds, 1),
            ["collector_rss_mib_first"] = rss.Length > 0 ? rss[0] / 1024 : null,
            ["collector_rss_mib_max"] = rss.Length > 0 ? rss.Max() / 1024 : null,
            ["collector_rss_mib_last"] = rss.Length > 0 ? rss[^1] / 1024 : null,
        };
        return JsonSerializer.Serialize(summary, LoadGenJson.Default.DictionaryStringObject);
    }
}
