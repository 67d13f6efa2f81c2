using System.IO.Compression;
using System.Net.Http.Headers;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events.Wire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// Sends a drill's injects to <c>POST /api/v1/events</c> of this collector, each at its offset
/// from the start, from a drill agent enrolled for its host and revoked afterwards.
/// </summary>
internal sealed class DrillInjector(IHttpClientFactory http, IServer server, DrillMeasurements measurements, TimeProvider time)
{
    public const string HttpClientName = "drills";

    public async Task SendAsync(IAgentRegistry registry, long runId, string unit, DrillSpec drill, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var agents = new Dictionary<string, (AgentIdentity Agent, string Token, long Seq)>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var client = http.CreateClient(HttpClientName);
            client.BaseAddress = OwnAddress();
            var recordId = 1L;
            foreach (var inject in drill.Injects.OrderBy(i => i.After))
            {
                var wait = started + inject.After - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                if (!agents.TryGetValue(inject.Host, out var agent))
                {
                    var (identity, token) = await registry.EnrollInternalAsync(unit, inject.Host, isDrill: true, cancellationToken).ConfigureAwait(false);
                    agent = (identity, token, 0);
                }

                agent.Seq++;
                agents[inject.Host] = agent;
                var now = time.GetUtcNow();
                var batch = new EventBatch(agent.Agent.AgentId, agent.Seq, now, 0, [inject.ToEvent(now, recordId++)]);
                await PostAsync(client, agent.Token, batch, cancellationToken).ConfigureAwait(false);
                await measurements.RecordOnceAsync(runId, DrillLink.Injected, now, inject.Host, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var (_, agent) in agents)
                await registry.RevokeAsync(agent.Agent.AgentId, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task PostAsync(HttpClient client, string token, EventBatch batch, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
            await gzip.WriteAsync(EventWireWriter.SerializeBatch(batch), cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/events") { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Bộ thu từ chối sự kiện giả lập: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
    }

    /// <summary>Where this collector listens, as a loopback URL when it listens on every interface.</summary>
    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The collector is not listening yet.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
            uri.Host = "127.0.0.1";
        uri.Path = "/";
        return uri.Uri;
    }
}
