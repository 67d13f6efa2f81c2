namespace ATTT.Monitor.Collector.Hosting;

/// <summary>Transport settings of <c>attt serve</c> (configuration section <c>Collector</c>).</summary>
internal sealed class CollectorOptions
{
    public const string Section = "Collector";

    /// <summary>Plain HTTP on a non-loopback address exposes agent tokens; allowed only when set explicitly.</summary>
    public bool AllowPlainHttp { get; set; }

    public HttpsOptions Https { get; set; } = new();

    /// <summary>Seconds a client may take to send its request headers (slow-loris defence).</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>Slowest accepted request body, bytes per second, after a grace period.</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 1024;

    public int MinRequestBodyGraceSeconds { get; set; } = 10;

    public int MaxConcurrentConnections { get; set; } = 10_000;
}
