namespace ATTT.Monitor.Agent.Transport;

/// <summary>How the agent talks to the collector (YAML section <c>transport</c>).</summary>
public sealed class TransportOptions
{
    /// <summary>
    /// SHA-256 pins, hex (colons allowed): of the server certificate's SubjectPublicKeyInfo or of the
    /// whole certificate. When set, a matching certificate is accepted even if self-signed, and
    /// nothing else is; when empty, the usual chain validation applies.
    /// </summary>
    public IList<string> PinnedSha256 { get; init; } = [];

    /// <summary>Plain HTTP is refused except on loopback unless this is set (test labs only).</summary>
    public bool AllowPlainHttp { get; set; }

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxRetryAttempts { get; set; } = 6;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest <c>Retry-After</c> honoured as given; longer ones are cut to this.</summary>
    public TimeSpan RetryAfterCap { get; set; } = TimeSpan.FromMinutes(10);
}
