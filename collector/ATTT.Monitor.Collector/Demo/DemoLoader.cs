using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Collector.Demo;

/// <summary>
/// Replays sample EVTX files into a running collector through its real ingest API (enroll with a
/// one-time code, gzip batches with the agent's token), as an agent would, so the demo's incidents
/// come out of the real detection pipeline.
/// </summary>
internal sealed class DemoLoader(HttpClient http)
{
    private const int BatchSize = 500;

    public async Task<(int Files, long Events)> LoadAsync(string code, string host, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var enroll = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["v"] = 1, ["code"] = code, ["host"] = host, ["os"] = "Windows 10 Pro (demo)", ["agent_version"] = "demo",
        });
        string agentId;
        using (var response = await http.PostAsync("/api/v1/enroll", new StringContent(enroll, Encoding.UTF8, "application/json"), cancellationToken))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"The collector refused the enrollment code ({(int)response.StatusCode}): {body}");
            using var doc = JsonDocument.Parse(body);
            agentId = doc.RootElement.GetProperty("agent_id").GetString()!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", doc.RootElement.GetProperty("token").GetString());
        }

        long sequence = 0, total = 0;
        var batch = new List<EventRecord>(BatchSize);
        foreach (var file in files)
        {
            foreach (var record in EvtxFile.ReadEvents(file))
            {
                batch.Add(record);
                if (batch.Count == BatchSize)
                {
                    total += await PostAsync(agentId, ++sequence, batch, cancellationToken);
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
            total += await PostAsync(agentId, ++sequence, batch, cancellationToken);
        return (files.Count, total);
    }

    private async Task<int> PostAsync(string agentId, long sequence, List<EventRecord> events, CancellationToken cancellationToken)
    {
        var payload = EventWireWriter.SerializeBatch(new EventBatch(agentId, sequence, DateTimeOffset.UtcNow, 0, events.ToList()));
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            await gzip.WriteAsync(payload, cancellationToken);
        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await http.PostAsync("/api/v1/events", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The collector refused batch {sequence} ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        return events.Count;
    }
}
