using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace ATTT.Monitor.Agent.Transport;

/// <summary>
/// Runs collector calls through the Polly pipeline of <see cref="ResiliencePipelines"/>, built at
/// the first call that fails rather than at start. Building it costs the agent about 1.3 MB of
/// resident memory for its whole life (Polly validates each strategy's options with
/// System.ComponentModel.DataAnnotations: some 450 methods compiled, reflection caches, three more
/// assemblies; measured with bench/ATTT.Monitor.Agent.Bench --footprint), which a PC whose collector never fails does not need.
/// Until then a call is one attempt under the same per-attempt timeout; the first failure is handed
/// to the pipeline as its first attempt (so the retry count, <c>Retry-After</c>, backoff and the
/// circuit breaker see it as if the pipeline had made it), and every later call goes through it.
/// </summary>
internal sealed class FailureActivatedPipeline
{
    private readonly TransportOptions _options;
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _pipeline;

    public FailureActivatedPipeline(TransportOptions options, ILogger logger)
    {
        _options = options;
        _pipeline = new(() => ResiliencePipelines.Create(options, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True once a call has failed and the Polly pipeline exists.</summary>
    public bool IsActive => _pipeline.IsValueCreated;

    public async Task<HttpResponseMessage> ExecuteAsync(Func<CancellationToken, Task<HttpResponseMessage>> attempt, CancellationToken cancellationToken)
    {
        if (_pipeline.IsValueCreated)
            return await _pipeline.Value.ExecuteAsync(ct => new ValueTask<HttpResponseMessage>(attempt(ct)), cancellationToken).ConfigureAwait(false);

        var first = await AttemptOnceAsync(attempt, cancellationToken).ConfigureAwait(false);
        if (first.Exception is null && !ResiliencePipelines.IsTransient(first.Result!.StatusCode))
            return first.Result!;

        var replayed = false;
        return await _pipeline.Value.ExecuteAsync(ct =>
        {
            if (replayed)
                return new ValueTask<HttpResponseMessage>(attempt(ct));
            replayed = true;
            first.ThrowIfException();
            return ValueTask.FromResult(first.Result!);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Outcome<HttpResponseMessage>> AttemptOnceAsync(Func<CancellationToken, Task<HttpResponseMessage>> attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            return Outcome.FromResult(await attempt(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // What the pipeline's timeout strategy throws for an attempt that ran out of time.
            return Outcome.FromException<HttpResponseMessage>(
                new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{_options.AttemptTimeout}'.", _options.AttemptTimeout, ex));
        }
        catch (Exception ex) when (ResiliencePipelines.IsRetried(ex))
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }
}
