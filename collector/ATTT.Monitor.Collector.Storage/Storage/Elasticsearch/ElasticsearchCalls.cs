using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ATTT.Monitor.Collector.Storage.Elasticsearch;

/// <summary>
/// Raw JSON calls to Elasticsearch through the official client's transport, behind a Polly
/// pipeline: transient failures (connection errors, 429, 502-504) are retried with exponential
/// backoff and jitter; anything else is reported at once.
/// </summary>
internal sealed class ElasticsearchCalls
{
    private readonly ElasticsearchClient _client;
    private readonly ResiliencePipeline _resilience;

    public ElasticsearchCalls(ElasticsearchOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Url))
            throw new InvalidOperationException("Storage:Events:Elasticsearch:Url is required when Storage:Events:Kind is elasticsearch.");
        var settings = new ElasticsearchClientSettings(new Uri(options.Url)).RequestTimeout(TimeSpan.FromSeconds(60));
        if (!string.IsNullOrEmpty(options.ApiKey))
            settings = settings.Authentication(new ApiKey(options.ApiKey));
        else if (!string.IsNullOrEmpty(options.Username))
            settings = settings.Authentication(new BasicAuthentication(options.Username, options.Password ?? ""));
        if (!string.IsNullOrEmpty(options.CertificateFingerprint))
            settings = settings.CertificateFingerprint(options.CertificateFingerprint);
        _client = new ElasticsearchClient(settings);
        _resilience = new ResiliencePipelineBuilder()
            .AddTimeout(TimeSpan.FromMinutes(2))
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ElasticsearchTransientException>().Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .Build();
    }

    /// <summary>Sends a request; returns the status and body. Transient failures are retried, then thrown.</summary>
    public async Task<(int Status, string Body)> SendAsync(Elastic.Transport.HttpMethod method, string path, string? body, CancellationToken cancellationToken) =>
        await _resilience.ExecuteAsync(async token =>
        {
            var response = body is null
                ? await _client.Transport.RequestAsync<StringResponse>(method, path, token).ConfigureAwait(false)
                : await _client.Transport.RequestAsync<StringResponse>(method, path, PostData.String(body), token).ConfigureAwait(false);
            var status = response.ApiCallDetails.HttpStatusCode ?? 0;
            if (status is 0 or 429 or 502 or 503 or 504)
                throw new ElasticsearchTransientException($"Elasticsearch {method} {path} failed ({(status == 0 ? "no connection" : status)}).");
            return (status, response.Body ?? "");
        }, cancellationToken).ConfigureAwait(false);

    public async Task<JsonDocument> SendJsonAsync(Elastic.Transport.HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var (status, text) = await SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        if (status is < 200 or >= 300)
            throw new InvalidOperationException($"Elasticsearch {method} {path} answered {status}: {Truncate(text)}");
        return JsonDocument.Parse(text);
    }

    public static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
