using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ATTT.Monitor.Collector.Notifications.Sending;

/// <summary>
/// Works the outbox: due rows are sent through a Polly pipeline (a few immediate retries with
/// exponential back-off and jitter inside a circuit breaker); a row that still fails is put back
/// with a longer, jittered back-off (capped) that survives a restart, for days: it is marked
/// undelivered ("dead") only after <see cref="SenderOptions.GiveUpAfter"/>, or at once on a permanent
/// (5xx) reply, and then waits for an administrator to send it again or give it up. A row is marked sent right after the server accepted
/// it; if the process dies in between, the resend carries the same Message-Id.
/// </summary>
internal sealed class OutboxSender : BackgroundService
{
    private readonly OutboxStore _store;
    private readonly IOptionsMonitor<NotificationsOptions> _options;
    private readonly MailTransportSelector _transports;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;
    private readonly ResiliencePipeline _pipeline;

    public OutboxSender(OutboxStore store, IOptionsMonitor<NotificationsOptions> options, MailTransportSelector transports, TimeProvider time, ILogger<OutboxSender> logger)
    {
        _store = store;
        _options = options;
        _transports = transports;
        _time = time;
        _logger = logger;
        var sender = options.CurrentValue.Sender;
        var transient = new PredicateBuilder().Handle<Exception>(SendFailure.IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        // ImmediateRetries = 0 means one try per attempt: Polly's retry strategy needs at least one retry.
        if (sender.ImmediateRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = sender.ImmediateRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = sender.ImmediateRetryDelay,
            });
        }
        _pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = sender.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, sender.BreakerMinimumThroughput),
                SamplingDuration = sender.BreakerSamplingDuration,
                BreakDuration = sender.BreakerBreakDuration,
            })
            .Build();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int worked;
            try
            {
                worked = await ProcessDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A failing store must not stop the sender for good; the rows stay in the outbox.
                _logger.LogError(ex, "Outbox sender pass failed; retrying after the poll interval.");
                worked = 0;
            }

            if (worked == 0)
                await Task.Delay(_options.CurrentValue.Sender.PollInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends every due row once; returns how many rows were handled.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var opts = _options.CurrentValue;
        var due = await _store.GetDueAsync(_time.GetUtcNow(), opts.Sender.BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var row in due)
            await SendOneAsync(row, opts, cancellationToken).ConfigureAwait(false);
        return due.Count;
    }

    private async Task SendOneAsync(OutboxMessage row, NotificationsOptions opts, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (opts.Sender.MaxPerRecipientPerHour > 0
            && await _store.CountSentSinceAsync(row.RecipientEmail, now - TimeSpan.FromHours(1), cancellationToken).ConfigureAwait(false) >= opts.Sender.MaxPerRecipientPerHour)
        {
            // Over the per-recipient limit: wait, never drop.
            await _store.RescheduleAsync(row.Id, row.Attempts, now + TimeSpan.FromMinutes(5), "rate limited: waiting for the recipient's hourly limit", cancellationToken).ConfigureAwait(false);
            return;
        }

        var transport = _transports.Current();
        var message = MimeMessageFactory.Create(row, opts.Smtp);
        Exception? lastFailure = null;
        try
        {
            await _pipeline.ExecuteAsync(
                async ct =>
                {
                    try
                    {
                        await transport.SendAsync(row, message, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (SendFailure.IsTransient(ex))
                    {
                        lastFailure = ex;
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex) when (lastFailure is not null)
        {
            // This row really failed before the circuit opened: that counts as an attempt.
            await FailedAttemptAsync(row, opts.Sender, SendFailure.Describe(lastFailure), now + (ex.RetryAfter ?? TimeSpan.Zero), cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (BrokenCircuitException ex)
        {
            // Not tried at all: wait for the circuit without spending an attempt, but not past the give-up time.
            if (now >= row.CreatedAt + opts.Sender.GiveUpAfter)
            {
                await _store.MarkDeadAsync(row.Id, row.Attempts, row.LastError ?? "circuit open: the mail server failed repeatedly", now, cancellationToken).ConfigureAwait(false);
                return;
            }

            await _store.RescheduleAsync(row.Id, row.Attempts, now + (ex.RetryAfter ?? opts.Sender.BreakerBreakDuration), "circuit open: the mail server failed repeatedly", cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (SendFailure.IsPermanent(ex))
        {
            _logger.LogWarning("Outbox message {Id} to {Recipient} refused permanently: {Error}", row.Id, row.RecipientEmail, SendFailure.Describe(ex));
            await _store.MarkDeadAsync(row.Id, row.Attempts + 1, SendFailure.Describe(ex), now, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (SendFailure.IsTransient(ex))
        {
            await FailedAttemptAsync(row, opts.Sender, SendFailure.Describe(ex), now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var sentAt = _time.GetUtcNow();
        await _store.MarkSentAsync(row.Id, sentAt, cancellationToken).ConfigureAwait(false);
        if (row is { IsAuthority: true, Kind: MessageKinds.Notice, IncidentId: { } incident })
        {
            await using var connection = await _store.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await DeadlineStore.MarkMetAsync(connection, null, incident, "notice", null, sentAt, cancellationToken).ConfigureAwait(false);
        }
        else if (row is { IsAuthority: true, Kind: MessageKinds.PersonalData, IncidentId: { } breached })
        {
            await using var connection = await _store.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await DeadlineStore.MarkMetAsync(connection, null, breached, MessageKinds.PersonalData, null, sentAt, cancellationToken).ConfigureAwait(false);
        }
        else if (row is { IsAuthority: true, Kind: MessageKinds.Overflow or MessageKinds.Related })
        {
            // The notices over the daily cap reached the authority in this digest.
            await using var connection = await _store.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await DeadlineStore.MarkNoticeMetByDigestAsync(connection, row.MessageId, sentAt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A failed attempt is retried with a capped backoff for as long as <see cref="SenderOptions.GiveUpAfter"/>
    /// (7 days by default) from when the message was written; then it stops and is shown as
    /// undelivered, for an administrator to send again or give up.
    /// </summary>
    private async Task FailedAttemptAsync(OutboxMessage row, SenderOptions sender, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var stopAt = row.CreatedAt + sender.GiveUpAfter;
        if (now >= stopAt)
        {
            _logger.LogWarning("Outbox message {Id} to {Recipient} is undelivered after {Attempts} attempts over {Days:0.#} days: {Error}", row.Id, row.RecipientEmail, attempts, (now - row.CreatedAt).TotalDays, error);
            await _store.MarkDeadAsync(row.Id, attempts, error, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The last attempt falls on the give-up time itself, not up to one backoff before it.
        var next = now + Backoff(sender, attempts);
        await _store.RescheduleAsync(row.Id, attempts, next < stopAt ? next : stopAt, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Base × 2^(attempt-1), capped, with ±20 % jitter so many rows do not retry in lockstep.</summary>
    public static TimeSpan Backoff(SenderOptions sender, int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 20));
        var raw = Math.Min(sender.BaseBackoff.TotalMilliseconds * factor, sender.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(raw * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }
}
