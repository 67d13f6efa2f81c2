using System.Threading.RateLimiting;
using ATTT.Monitor.Collector.Notifications.Options;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Acks;

/// <summary>A fixed window per client address for the anonymous confirmation endpoints.</summary>
internal sealed class AckRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AckRateLimiter(IOptions<NotificationsOptions> options)
    {
        var permits = Math.Max(1, options.Value.Acknowledgement.RequestsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public bool TryAcquire(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
