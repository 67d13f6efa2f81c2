using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Transport;

/// <summary>
/// The agent's side of docs/protocol.md over one pooled <see cref="HttpClient"/>. Every call goes
/// through the resilience pipeline; what is left after retries is returned as a <see cref="SendOutcome"/>.
/// </summary>
internal sealed class CollectorClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly FailureActivatedPipeline _pipeline;
    private readonly ILogger _logger;

    public CollectorClient(Uri collector, TransportOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(options);
        if (collector.Scheme == Uri.UriSchemeHttp && !collector.IsLoopback && !options.AllowPlainHttp)
            throw new ArgumentException($"The collector URL {collector} uses plain HTTP; use https:// (plain HTTP is allowed on loopback only).");
        if (collector.Scheme != Uri.UriSchemeHttp && collector.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"The collector URL {collector} must start with https:// or http://.");
        _logger = logger;
        var pins = options.PinnedSha256.Select(CertificatePinning.NormalizePin).ToHashSet(StringComparer.Ordinal);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, errors) => CertificatePinning.Validate(cert, errors, pins) },
        };
        // Timeouts are the pipeline's (per attempt), not HttpClient's.
        _http = new HttpClient(handler) { BaseAddress = collector, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("attt-agent", HostInventory.CurrentAgentVersion));
        _pipeline = new FailureActivatedPipeline(options, logger);
    }

    public async Task<EnrollResponse> EnrollAsync(string code, HostInventory inventory, CancellationToken cancellationToken)
    {
        var body = ProtocolBodies.Enroll(code, inventory);
        using var response = await SendAsync("api/v1/enroll", body, gzip: false, token: null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            throw new CollectorRejectedException("The collector refused the enrollment code (already used, expired or unknown); ask for a new one with 'attt agents enroll-code'.");
        if (response.StatusCode != HttpStatusCode.OK)
            throw new CollectorRejectedException($"Enrollment failed: the collector answered HTTP {(int)response.StatusCode} {await ErrorText(response, cancellationToken).ConfigureAwait(false)}".Trim());
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return AgentProtocolReader.ReadEnrollResponse(bytes);
        }
        catch (WireFormatException ex)
        {
            throw new CollectorRejectedException($"Enrollment failed: the collector's answer is not valid ({ex.Message})", ex);
        }
    }

    public Task<SendOutcome> SendBatchAsync(AgentCredentials credentials, long sequence, long dropped, ReadOnlyMemory<byte> eventsJson, CancellationToken cancellationToken) =>
        SendBatchAsync(credentials, sequence, dropped, null, eventsJson, cancellationToken);

    public async Task<SendOutcome> SendBatchAsync(AgentCredentials credentials, long sequence, long dropped, IReadOnlyList<ChannelLoss>? losses,
        ReadOnlyMemory<byte> eventsJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var body = ProtocolBodies.GzipBatch(credentials.AgentId, sequence, dropped, losses, DateTimeOffset.UtcNow, eventsJson);
        return await CallAsync("api/v1/events", body, gzip: true, credentials, async response =>
        {
            using var json = await ReadJson(response, cancellationToken).ConfigureAwait(false);
            var root = json.RootElement;
            if (root.TryGetProperty("ack", out var ack) && ack.TryGetInt64(out var acked) && acked != sequence)
                return new SendOutcome(SendStatus.Unavailable, $"The collector acknowledged batch {acked} instead of {sequence}.");
            var duplicate = root.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True;
            return new SendOutcome(SendStatus.Accepted, Duplicate: duplicate);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<SendOutcome> SendJsonAsync(string path, byte[] body, AgentCredentials credentials, CancellationToken cancellationToken) =>
        CallAsync(path, body, gzip: false, credentials, _ => Task.FromResult(SendOutcome.Ok), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<SendOutcome> CallAsync(string path, byte[] body, bool gzip, AgentCredentials credentials,
        Func<HttpResponseMessage, Task<SendOutcome>> onOk, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(path, body, gzip, credentials.Token, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException or TaskCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(SendStatus.Unavailable, $"The collector cannot be reached: {ex.GetBaseException().Message}");
        }

        using (response)
        {
            var status = response.StatusCode;
            if (status == HttpStatusCode.OK)
                return await onOk(response).ConfigureAwait(false);
            var error = await ErrorText(response, cancellationToken).ConfigureAwait(false);
            var sentence = $"The collector answered {path} with HTTP {(int)status}{(error.Length > 0 ? ": " + error : ".")}";
            return status switch
            {
                HttpStatusCode.Unauthorized => new SendOutcome(SendStatus.Unauthorized, "The collector does not accept this agent's token (unknown or revoked)."),
                HttpStatusCode.RequestEntityTooLarge => new SendOutcome(SendStatus.TooLarge, sentence),
                _ when ResiliencePipelines.IsTransient(status) => new SendOutcome(SendStatus.Unavailable, sentence),
                _ => new SendOutcome(SendStatus.Rejected, sentence),
            };
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string path, byte[] body, bool gzip, string? token, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async ct =>
        {
            // A request message can be sent once only: build a fresh one for every attempt.
            using var request = new HttpRequestMessage(HttpMethod.Post, path);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (gzip)
                content.Headers.ContentEncoding.Add("gzip");
            request.Content = content;
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>True once a call has failed and the retry pipeline is in use (see <see cref="FailureActivatedPipeline"/>).</summary>
    internal bool ResiliencePipelineActive => _pipeline.IsActive;

    private static async Task<JsonDocument> ReadJson(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    private async Task<string> ErrorText(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await ReadJson(response, cancellationToken).ConfigureAwait(false);
            var root = json.RootElement;
            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var field = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            return error is null ? "" : field is null ? error : $"{error} (field {field})";
        }
        catch (HttpRequestException ex)
        {
            _logger.LogDebug(ex, "Reading the collector's error body failed.");
            return "";
        }
    }
}
