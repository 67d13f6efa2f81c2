using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ATTT.Monitor.LoadGen;

/// <summary>
/// Enrolls simulated agents, posts gzip batches of real events at a target rate or flat out, and
/// reports sustained events/s, acknowledgement latency (p50/p99) and the collector's memory.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(LoadGenOptions options, TextWriter output, TextWriter log)
    {
        var samples = SampleSource.Load(options.Samples, 20_000);
        await log.WriteLineAsync($"loaded {samples.Count} sample events").ConfigureAwait(false);
        var data = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "attt-loadgen-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        Process? collector = null;
        var url = options.Collector;
        if (url is null)
            (collector, url) = await CollectorLauncher.StartAsync(options.AtttDll, data).ConfigureAwait(false);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            var codes = await CollectorLauncher.EnrollmentCodesAsync(options.AtttDll, data, options.Agents).ConfigureAwait(false);
            var agents = new List<SimulatedAgent>();
            for (var i = 0; i < codes.Length; i++)
                agents.Add(await SimulatedAgent.EnrollAsync(http, codes[i], $"LOADGEN-PC-{i:D3}").ConfigureAwait(false));
            await log.WriteLineAsync($"collector {url}, {agents.Count} agents enrolled, preparing {options.Prebuild} batches").ConfigureAwait(false);

            var cursor = 0;
            var queue = new ConcurrentQueue<PreparedBatch>();
            for (var i = 0; i < options.Prebuild; i++)
                queue.Enqueue(agents[i % agents.Count].Next(i % agents.Count, samples, ref cursor, options.BatchSize));
            var cursorLock = new Lock();

            var stats = new RunStats();
            var collectorCpuBefore = collector is null ? null : ProcCpuSeconds(collector.Id);
            var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(options.Duration);
            long scheduledEvents = 0;
            var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (!queue.TryDequeue(out var batch))
                    {
                        lock (cursorLock)
                        {
                            var n = Interlocked.Increment(ref stats.Built);
                            var a = (int)(n % agents.Count);
                            batch = agents[a].Next(a, samples, ref cursor, options.BatchSize);
                        }
                    }

                    if (options.Rate > 0)
                    {
                        var due = TimeSpan.FromSeconds(Interlocked.Add(ref scheduledEvents, batch.Events) / options.Rate);
                        var wait = due - clock.Elapsed;
                        if (wait > TimeSpan.Zero)
                        {
                            try { await Task.Delay(wait, stop.Token).ConfigureAwait(false); }
                            catch (OperationCanceledException) { break; }
                        }
                    }

                    await PostAsync(http, agents[batch.Agent], batch, queue, stats, stop.Token).ConfigureAwait(false);
                }
            })).ToList();

            var sampler = SampleAsync(collector, stats, clock, log, stop.Token);
            await Task.WhenAll(workers).ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            await sampler.ConfigureAwait(false);
            // On a shared machine wall-clock rates say little; CPU seconds spent say what it costs.
            var collectorCpu = collector is null ? null : ProcCpuSeconds(collector.Id) - collectorCpuBefore;
            var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;
            await output.WriteLineAsync(stats.Summary(options, elapsed, collector?.Id, collectorCpu, ownCpu)).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            if (collector is not null)
            {
                collector.Kill(entireProcessTree: true);
                await collector.WaitForExitAsync().ConfigureAwait(false);
                collector.Dispose();
            }
        }
    }

    private static async Task PostAsync(HttpClient http, SimulatedAgent agent, PreparedBatch batch, ConcurrentQueue<PreparedBatch> queue, RunStats stats, CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events");
        request.Headers.Authorization = agent.Authorization;
        var content = new ByteArrayContent(batch.GzipBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        request.Content = content;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                stats.Acknowledged(batch.Events, latency);
                return;
            }

            stats.Refused(response.StatusCode);
            queue.Enqueue(batch); // an agent keeps a refused batch and sends it again
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200);
            await Task.Delay(wait, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (HttpRequestException)
        {
            stats.Failed();
            queue.Enqueue(batch);
        }
    }

    private static async Task SampleAsync(Process? collector, RunStats stats, Stopwatch clock, TextWriter log, CancellationToken stop)
    {
        long lastEvents = 0;
        var last = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(5), stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
            var now = clock.Elapsed;
            var events = Interlocked.Read(ref stats.Events);
            var rss = collector is null ? null : ProcRss(collector.Id);
            if (rss is { } kb)
                stats.Rss(kb);
            var rate = (events - lastEvents) / Math.Max(0.001, (now - last).TotalSeconds);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"t={now.TotalSeconds,5:F0}s events={events,9} rate={rate,8:F0}/s rss={(rss is null ? "-" : (rss.Value / 1024).ToString(CultureInfo.InvariantCulture) + "MiB")}")).ConfigureAwait(false);
            lastEvents = events;
            last = now;
        }
    }

    /// <summary>User + system CPU seconds of a process, from /proc/PID/stat (clock ticks of 1/100 s).</summary>
    public static double? ProcCpuSeconds(int pid)
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

    public static long? ProcRss(int pid)
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
