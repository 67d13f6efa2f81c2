using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Transport;

/// <summary>
/// Retries with exponential backoff and jitter (honouring <c>Retry-After</c>), a circuit breaker
/// and a per-attempt timeout, as docs/protocol.md asks: 429, 503, 5xx, 408, timeouts and connection
/// failures are retried; 400, 401 and 413 never are.
/// </summary>
internal static class ResiliencePipelines
{
    public static ResiliencePipeline<HttpResponseMessage> Create(TransportOptions options, ILogger logger)
    {
        var shouldHandle = new PredicateBuilder<HttpResponseMessage>()
            .Handle<Exception>(IsRetried)
            .HandleResult(r => IsTransient(r.StatusCode));
        return new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = shouldHandle,
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.RetryAfterCap)),
                OnRetry = args =>
                {
                    if (logger.IsEnabled(LogLevel.Information))
                    {
                        logger.LogInformation("Collector call failed ({Reason}); retry {Attempt} in {Delay}.",
                            Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                    }

                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<IOException>()
                    .HandleResult(r => IsTransient(r.StatusCode) && r.StatusCode != HttpStatusCode.TooManyRequests),
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = options.BreakDuration,
                OnOpened = args =>
                {
                    logger.LogWarning("Collector unreachable; pausing calls for {Duration}.", args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The failures that are retried: connection and protocol errors, timeouts, an open circuit.</summary>
    public static bool IsRetried(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException;

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetBaseException().Message : $"HTTP {(int)outcome.Result!.StatusCode}";

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null)
            return null;
        var delay = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is null)
            return null;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > cap ? cap : delay;
    }
}
