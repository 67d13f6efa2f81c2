using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>
/// Speaks docs/protocol.md to a collector as an agent would (enroll, gzip batches, heartbeat), for
/// tests that need an agent without running <c>attt-agent</c>.
/// </summary>
public sealed class AgentHttpClient : IDisposable
{
    private readonly HttpClient _http;

    private AgentHttpClient(HttpClient http, string agentId, string unit)
    {
        _http = http;
        AgentId = agentId;
        Unit = unit;
    }

    public string AgentId { get; }
    public string Unit { get; }

    public static async Task<AgentHttpClient> EnrollAsync(Uri collector, string code, string host, CancellationToken cancellationToken = default)
    {
        var http = new HttpClient { BaseAddress = collector, Timeout = TimeSpan.FromSeconds(60) };
        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["v"] = 1, ["code"] = code, ["host"] = host, ["os"] = "Windows 10 Pro", ["agent_version"] = "0.1.0" });
        using var response = await http.PostAsync("/api/v1/enroll", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            http.Dispose();
            throw new HttpRequestException($"Enrollment failed with {(int)response.StatusCode}.");
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = doc.RootElement;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", root.GetProperty("token").GetString());
        return new AgentHttpClient(http, root.GetProperty("agent_id").GetString()!, root.GetProperty("unit").GetString()!);
    }

    /// <summary>The same agent (id, token) talking to another collector address, e.g. after a restart.</summary>
    public static Task<AgentHttpClient> ConnectAsync(Uri collector, AgentHttpClient agent)
    {
        var http = new HttpClient { BaseAddress = collector, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = agent._http.DefaultRequestHeaders.Authorization;
        return Task.FromResult(new AgentHttpClient(http, agent.AgentId, agent.Unit));
    }

    public EventBatch Batch(long seq, IReadOnlyList<EventRecord> events, long dropped = 0) =>
        new(AgentId, seq, MachineClock.Now, dropped, events); // the collector under test runs as its own process, on the machine clock

    /// <summary>Posts a gzip batch; returns the status and the parsed answer (null unless 200).</summary>
    public async Task<(System.Net.HttpStatusCode Status, BatchAck? Ack)> PostAsync(EventBatch batch, CancellationToken cancellationToken = default)
    {
        using var content = Gzip(EventWireWriter.SerializeBatch(batch));
        using var response = await _http.PostAsync("/api/v1/events", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
            return (response.StatusCode, null);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = doc.RootElement;
        return (response.StatusCode, new BatchAck(root.GetProperty("ack").GetInt64(), root.GetProperty("accepted").GetInt32(), root.GetProperty("duplicate").GetBoolean()));
    }

    public static ByteArrayContent Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(body);
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    public void Dispose() => _http.Dispose();
}
