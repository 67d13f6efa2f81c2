using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ATTT.Monitor.LoadGen;

/// <summary>
/// Enrolls simulated agents, posts gzip batches of real events at a target rate or flat out, and
/// reports sustained events/s acknowledged and evaluated (detection lag), acknowledgement and
/// receipt -> incident latency, and the collector's CPU and memory over time.
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
        {
            var rules = options.RulePaths();
            await log.WriteLineAsync($"starting attt serve, rules: {(rules.Count == 0 ? "the collector's default" : string.Join(", ", rules))}").ConfigureAwait(false);
            (collector, url) = await CollectorLauncher.StartAsync(options.AtttDll, data, rules).ConfigureAwait(false);
        }

        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
            var codes = await CollectorLauncher.EnrollmentCodesAsync(options.AtttDll, data, options.Agents + 1).ConfigureAwait(false);
            var agents = new List<SimulatedAgent>();
            for (var i = 0; i < options.Agents; i++)
                agents.Add(await SimulatedAgent.EnrollAsync(http, codes[i], $"LOADGEN-PC-{i:D3}").ConfigureAwait(false));
            var markerAgent = await SimulatedAgent.EnrollAsync(http, codes[^1], "LOADGEN-MARKER").ConfigureAwait(false);
            using var probe = new CollectorProbe(data);
            await log.WriteLineAsync($"collector {url}, {agents.Count} agents enrolled, preparing {options.Prebuild} batches").ConfigureAwait(false);

            var cursor = 0;
            var queue = new ConcurrentQueue<PreparedBatch>();
            for (var i = 0; i < options.Prebuild; i++)
                queue.Enqueue(agents[i % agents.Count].Next(i % agents.Count, samples, ref cursor, options.BatchSize));
            var cursorLock = new Lock();
            var stats = new RunStats();

            // The rules load on the pipeline's first use: wait until a first batch has been evaluated,
            // so the clock starts with the rules in service.
            var warmup = Stopwatch.StartNew();
            if (!queue.TryDequeue(out var first))
                first = agents[0].Next(0, samples, ref cursor, options.BatchSize);
            await PostAsync(http, agents[first.Agent], first, queue, new RunStats(), CancellationToken.None).ConfigureAwait(false);
            while (probe.EvaluatedEvents() < probe.StoredEvents() || probe.StoredEvents() == 0)
            {
                if (warmup.Elapsed > TimeSpan.FromMinutes(5))
                    throw new InvalidOperationException("The collector did not evaluate the warm-up batch within 5 minutes.");
                await Task.Delay(250).ConfigureAwait(false);
            }

            await log.WriteLineAsync($"warm-up batch evaluated after {warmup.Elapsed.TotalSeconds:F1} s (rules loaded); load starts").ConfigureAwait(false);
            var storedBefore = probe.StoredEvents();
            var evaluatedBefore = probe.EvaluatedEvents();
            var collectorCpuBefore = collector is null ? null : ProcessSampler.CpuSeconds(collector.Id);
            var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(options.Duration);
            using var drained = new CancellationTokenSource();
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

            var markers = options.Markers > 0 ? new MarkerTracker(markerAgent, options.Markers) : null;
            var markerPosts = markers?.PostAsync(http, stop.Token) ?? Task.CompletedTask;
            var markerPolls = markers is null ? Task.CompletedTask : PollMarkersAsync(markers, probe, drained.Token);
            var sampler = new ProcessSampler(collector?.Id, probe, stats, clock, log);
            var sampling = sampler.RunAsync(drained.Token);
            await Task.WhenAll(workers).ConfigureAwait(false);
            await markerPosts.ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            var storedAtEnd = probe.StoredEvents();
            var evaluatedAtEnd = probe.EvaluatedEvents();
            // On a shared machine wall-clock rates say little; CPU seconds spent say what it costs.
            var collectorCpu = collector is null ? null : ProcessSampler.CpuSeconds(collector.Id) - collectorCpuBefore;
            var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;

            // Let detection catch up with what was stored (and the last markers become incidents).
            var drain = Stopwatch.StartNew();
            while (probe.EvaluatedEvents() < storedAtEnd && drain.Elapsed < options.Drain)
                await Task.Delay(250).ConfigureAwait(false);
            var drainSeconds = drain.Elapsed.TotalSeconds;
            var evaluatedAfterDrain = probe.EvaluatedEvents();
            await Task.Delay(500).ConfigureAwait(false);
            var collectorCpuAll = collector is null ? null : ProcessSampler.CpuSeconds(collector.Id) - collectorCpuBefore;
            await drained.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(sampling, markerPolls).ConfigureAwait(false);

            var detection = new DetectionFigures(storedAtEnd - storedBefore, evaluatedAtEnd - evaluatedBefore, storedAtEnd - evaluatedAtEnd,
                evaluatedAfterDrain >= storedAtEnd ? drainSeconds : null, collectorCpuAll);
            await output.WriteLineAsync(stats.Summary(options, elapsed, collector?.Id, collectorCpu, ownCpu, detection, markers, sampler.Rss)).ConfigureAwait(false);
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

    private static async Task PollMarkersAsync(MarkerTracker markers, CollectorProbe probe, CancellationToken stop)
    {
        // 50 ms between looks: the latency figures carry at most that much on top.
        while (!stop.IsCancellationRequested)
        {
            markers.Seen(probe.NewMarkerIncidents());
            try { await Task.Delay(50, stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }

        markers.Seen(probe.NewMarkerIncidents());
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
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // A refused connection or no answer within the client's timeout: the agent sends it again.
            stats.Failed();
            queue.Enqueue(batch);
        }
    }
}
