using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.LoadGen;

/// <summary>
/// Measures receipt -> incident: a marker agent posts, at a steady rate beside the load, one-event
/// batches holding a "security log cleared" event (EventID 1102, which the shipped rule
/// attt_audit_log_cleared and SigmaHQ's rule both fire on) from a host name of its own, so every
/// marker opens a new incident. The clock starts just before the post (so it includes the HTTP
/// exchange: an upper bound of receipt) and stops when the loadgen first sees the incident committed
/// in the collector's database; the collector's own created_at is reported beside it.
/// </summary>
internal sealed class MarkerTracker(SimulatedAgent agent, double perSecond)
{
    private readonly ConcurrentDictionary<string, Marker> _markers = new(StringComparer.Ordinal);
    private readonly List<double> _visibleMs = [];
    private readonly List<double> _createdMs = [];
    private readonly Lock _lock = new();
    private int _next;

    public int Sent => _markers.Count;

    /// <summary>Posts markers until <paramref name="stop"/>.</summary>
    public async Task PostAsync(HttpClient http, CancellationToken stop)
    {
        var period = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var wait = period * n - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
            }

            var host = CollectorProbe.MarkerHostPrefix + Interlocked.Increment(ref _next).ToString("D6", CultureInfo.InvariantCulture);
            var body = Build(host);
            var marker = new Marker(Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow);
            _markers[host] = marker;
            // Refused (429/503) markers are sent again, like an agent does; the clock keeps running.
            while (!stop.IsCancellationRequested && !await SendAsync(http, body).ConfigureAwait(false))
                await Task.Delay(200, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Notes the marker incidents the probe found.</summary>
    public void Seen(IEnumerable<(string Host, DateTimeOffset CreatedAt)> incidents)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var (host, createdAt) in incidents)
        {
            if (!_markers.TryGetValue(host, out var marker) || marker.Seen)
                continue;
            marker.Seen = true;
            lock (_lock)
            {
                _visibleMs.Add(Stopwatch.GetElapsedTime(marker.PostedTimestamp, now).TotalMilliseconds);
                _createdMs.Add((createdAt - marker.PostedAt).TotalMilliseconds);
            }
        }
    }

    public (int Seen, double[] VisibleMs, double[] CreatedMs) Results()
    {
        lock (_lock)
            return (_visibleMs.Count, [.. _visibleMs.Order()], [.. _createdMs.Order()]);
    }

    private byte[] Build(string host)
    {
        var e = new EventRecord
        {
            Provider = "Microsoft-Windows-Eventlog",
            EventId = 1102,
            Channel = "Security",
            Computer = host,
            TimeCreated = DateTimeOffset.UtcNow,
            RecordId = _next,
            PayloadKind = EventPayloadKind.UserData,
            UserDataName = "LogFileCleared",
            Fields = [new EventField("SubjectUserName", "loadgen"), new EventField("SubjectDomainName", "LOADGEN")],
        };
        var json = EventWireWriter.SerializeBatch(new EventBatch(agent.AgentId, agent.NextSequence(), DateTimeOffset.UtcNow, 0, [e]));
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(json);
        return buffer.ToArray();
    }

    private async Task<bool> SendAsync(HttpClient http, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events");
        request.Headers.Authorization = agent.Authorization;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        request.Content = content;
        try
        {
            using var response = await http.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private sealed class Marker(long postedTimestamp, DateTimeOffset postedAt)
    {
        public long PostedTimestamp { get; } = postedTimestamp;
        public DateTimeOffset PostedAt { get; } = postedAt;
        public bool Seen { get; set; }
    }
}
