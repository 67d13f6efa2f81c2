using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.LoadGen;

/// <summary>One enrolled agent: id, token and its next batch sequence number.</summary>
internal sealed class SimulatedAgent(string agentId, string token)
{
    private long _seq;

    public string AgentId { get; } = agentId;
    public AuthenticationHeaderValue Authorization { get; } = new("Bearer", token);

    public static async Task<SimulatedAgent> EnrollAsync(HttpClient http, string code, string host)
    {
        var body = $$"""{"v":1,"code":"{{code}}","host":"{{host}}","os":"Windows 10 Pro","agent_version":"loadgen"}""";
        using var response = await http.PostAsync("/api/v1/enroll", new StringContent(body, Encoding.UTF8, "application/json")).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
        return new SimulatedAgent(doc.RootElement.GetProperty("agent_id").GetString()!, doc.RootElement.GetProperty("token").GetString()!);
    }

    public long NextSequence() => Interlocked.Increment(ref _seq);

    public PreparedBatch Next(int index, IReadOnlyList<EventRecord> samples, ref int cursor, int size)
    {
        var events = new EventRecord[size];
        for (var i = 0; i < size; i++)
            events[i] = samples[cursor++ % samples.Count];
        var seq = NextSequence();
        var json = EventWireWriter.SerializeBatch(new EventBatch(AgentId, seq, DateTimeOffset.UtcNow, 0, events));
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            gzip.Write(json);
        return new PreparedBatch(index, seq, buffer.ToArray(), size);
    }
}
