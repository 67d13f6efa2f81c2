using System.Globalization;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>The agent-facing HTTP API of docs/protocol.md: enroll, events, heartbeat.</summary>
internal static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/enroll", EnrollAsync).RequireRateLimiting(IngestRateLimiting.EnrollPolicy);
        endpoints.MapPost("/api/v1/events", EventsAsync).RequireAuthorization(AgentTokenDefaults.Policy).RequireRateLimiting(IngestRateLimiting.AgentPolicy);
        endpoints.MapPost("/api/v1/heartbeat", HeartbeatAsync).RequireAuthorization(AgentTokenDefaults.Policy).RequireRateLimiting(IngestRateLimiting.AgentPolicy);
        return endpoints;
    }

    private static async Task EnrollAsync(HttpContext context, AgentRegistry registry, IngestOptions options, ILoggerFactory loggers)
    {
        await HandleAsync(context, async () =>
        {
            EnrollRequest request;
            using (var body = await RequestBody.ReadJsonAsync(context.Request, options.MaxSmallBodyBytes, options.MaxSmallBodyBytes, context.RequestAborted).ConfigureAwait(false))
                request = AgentProtocolReader.ReadEnroll(body.Memory);
            if (request.Host.Length is 0 or > 200 || request.Host.Any(char.IsControl))
                throw new WireFormatException("host", "host must be 1 to 200 printable characters.");
            var enrolled = await registry.EnrollAsync(request.Code, request.Host, request.Os, request.AgentVersion, context.RequestAborted).ConfigureAwait(false);
            if (enrolled is null)
                throw new IngestRejection(StatusCodes.Status401Unauthorized, null);
            var logger = loggers.CreateLogger(typeof(IngestEndpoints));
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Agent {AgentId} enrolled for unit {Unit}.", enrolled.Agent.AgentId, enrolled.Agent.Unit);
            return AgentProtocolWriter.Write(new EnrollResponse(enrolled.Agent.AgentId, enrolled.Token, enrolled.Agent.Unit));
        }).ConfigureAwait(false);
    }

    private static async Task EventsAsync(HttpContext context, IEventStore store, AgentBatchRecorder counters, IngestGate gate,
        CommittedEventFeed detectionFeed, IngestOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        await HandleAsync(context, async () =>
        {
            var agent = AgentClaims.GetIdentity(context.User);
            if (!gate.TryEnter())
                throw Overloaded(options, "The collector is busy; retry later.");
            try
            {
                await WaitForDetectionAsync(detectionFeed, options, context.RequestAborted).ConfigureAwait(false);
                EventBatch batch;
                using (var body = await RequestBody.ReadJsonAsync(context.Request, options.MaxCompressedBytes, options.MaxInflatedBytes, context.RequestAborted).ConfigureAwait(false))
                    batch = EventWireReader.ReadBatch(body.Memory);
                if (!string.Equals(batch.AgentId, agent.AgentId, StringComparison.Ordinal))
                    throw new WireFormatException("agent_id", "agent_id does not match the agent the token belongs to.");
                var result = await AppendAsync(store, agent, batch, time.GetUtcNow(), options, context.RequestAborted).ConfigureAwait(false);
                if (!result.Duplicate)
                    await RecordAsync(counters, agent, batch, loggers.CreateLogger(typeof(IngestEndpoints)), context.RequestAborted).ConfigureAwait(false);
                return IngestJson.Write(w =>
                {
                    w.WriteNumber("ack", result.Sequence);
                    w.WriteNumber("accepted", result.Accepted);
                    w.WriteBoolean("duplicate", result.Duplicate);
                });
            }
            finally
            {
                gate.Exit();
            }
        }).ConfigureAwait(false);
    }

    private static async Task HeartbeatAsync(HttpContext context, AgentRegistry registry, IngestOptions options)
    {
        await HandleAsync(context, async () =>
        {
            var agent = AgentClaims.GetIdentity(context.User);
            Heartbeat heartbeat;
            using (var body = await RequestBody.ReadJsonAsync(context.Request, options.MaxSmallBodyBytes, options.MaxSmallBodyBytes, context.RequestAborted).ConfigureAwait(false))
                heartbeat = AgentProtocolReader.ReadHeartbeat(body.Memory);
            if (!string.Equals(heartbeat.AgentId, agent.AgentId, StringComparison.Ordinal))
                throw new WireFormatException("agent_id", "agent_id does not match the agent the token belongs to.");
            await registry.RecordHeartbeatAsync(agent.AgentId, heartbeat, context.RequestAborted).ConfigureAwait(false);
            return IngestJson.Write(_ => { });
        }).ConfigureAwait(false);
    }

    private static async Task<AppendResult> AppendAsync(IEventStore store, AgentIdentity agent, EventBatch batch, DateTimeOffset receivedAt,
        IngestOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await store.AppendBatchAsync(agent, batch, receivedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreOverloadedException ex)
        {
            throw new IngestRejection(StatusCodes.Status503ServiceUnavailable, ex.Message, null,
                TimeSpan.FromSeconds(Math.Max(options.OverloadRetryAfterSeconds, ex.RetryAfter.TotalSeconds)));
        }
    }

    private static async Task RecordAsync(AgentBatchRecorder recorder, AgentIdentity agent, EventBatch batch, ILogger logger, CancellationToken cancellationToken)
    {
        // The batch is already durable; the counters are bookkeeping and must not fail the ack.
        try
        {
            var counters = await recorder.RecordAsync(agent.AgentId, batch.Sequence, batch.Dropped, cancellationToken).ConfigureAwait(false);
            if (batch.Dropped > 0)
                logger.LogWarning("Agent {AgentId} ({Host}, {Unit}) dropped {Dropped} events before batch {Seq}; {Total} dropped in all.",
                    agent.AgentId, agent.Host, agent.Unit, batch.Dropped, batch.Sequence, counters.DroppedTotal);
            if (counters.PreviousLastSequence > 0 && batch.Sequence > counters.PreviousLastSequence + 1 && logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Agent {AgentId}: batches {From} to {To} never arrived (sequence gap).",
                    agent.AgentId, counters.PreviousLastSequence + 1, batch.Sequence - 1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not update the counters of agent {AgentId} after batch {Seq}.", agent.AgentId, batch.Sequence);
        }
    }

    /// <summary>
    /// Holds a batch back while detection is further behind than the in-memory hand-off serves,
    /// before its body is read; refuses it (503) if detection does not catch up in time. Without
    /// this, acknowledged events outran evaluated ones and detection fell back to reading the store.
    /// </summary>
    private static async Task WaitForDetectionAsync(CommittedEventFeed feed, IngestOptions options, CancellationToken cancellationToken)
    {
        if (options.DetectionBacklogEvents <= 0)
            return;
        if (!await feed.WaitForDetectionAsync(options.DetectionBacklogEvents, options.DetectionBacklogWait, options.DetectionStalledAfter, cancellationToken).ConfigureAwait(false))
        {
            throw new IngestRejection(StatusCodes.Status503ServiceUnavailable, "Detection is behind; retry later.", null,
                TimeSpan.FromSeconds(Math.Max(1, options.DetectionBacklogRetryAfterSeconds)));
        }
    }

    private static IngestRejection Overloaded(IngestOptions options, string message) =>
        new(StatusCodes.Status503ServiceUnavailable, message, null, TimeSpan.FromSeconds(options.OverloadRetryAfterSeconds));

    internal static async Task HandleAsync(HttpContext context, Func<Task<byte[]>> handler)
    {
        var response = context.Response;
        byte[] body;
        try
        {
            body = await handler().ConfigureAwait(false);
            response.StatusCode = StatusCodes.Status200OK;
        }
        catch (WireFormatException ex)
        {
            // docs/protocol.md: 413 asks the agent to split a batch; any other 400 quarantines it.
            response.StatusCode = ex.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            body = IngestJson.Error(ex.Message, ex.Field);
        }
        catch (IngestRejection ex)
        {
            response.StatusCode = ex.Status;
            if (ex.RetryAfter is { } wait)
                response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            if (!ex.HasBody)
                return;
            body = IngestJson.Error(ex.Message, ex.Field);
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
