using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>
/// Per-agent flood control: each agent has its own token bucket, so one agent sending too fast
/// gets 429 with Retry-After and nobody else notices. Enrollment is limited per client address.
/// </summary>
public static class IngestRateLimiting
{
    public const string AgentPolicy = "ingest-agent";
    public const string EnrollPolicy = "ingest-enroll";

    public static IServiceCollection AddIngestRateLimiting(this IServiceCollection services, IngestOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(AgentPolicy, context =>
            {
                var agent = context.User.FindFirst(AgentClaims.AgentId)?.Value ?? "";
                return RateLimitPartition.GetTokenBucketLimiter(agent, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.RequestBurst),
                    TokensPerPeriod = Math.Max(1, options.RequestsPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.AddPolicy(EnrollPolicy, context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.EnrollPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
