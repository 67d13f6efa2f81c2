namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>Batching and timing of the agent's loops (YAML sections <c>batch</c>, <c>heartbeat</c>, <c>posture</c>).</summary>
public sealed class PipelineOptions
{
    /// <summary>Events per batch; the protocol allows 5,000.</summary>
    public int MaxBatchEvents { get; set; } = 1000;

    /// <summary>Uncompressed JSON bytes per batch; the protocol allows 16 MiB.</summary>
    public int MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A partial batch is cut after this long, so a quiet PC still reports promptly.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause after the collector stayed unreachable through all retries.</summary>
    public TimeSpan UnavailablePause { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Pause after the collector refused the token (it may be re-enabled by an operator).</summary>
    public TimeSpan UnauthorizedPause { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Posture is sent every this often even when nothing changed.</summary>
    public TimeSpan PosturePoll { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often posture is checked for a change (sent at once when it changed).</summary>
    public TimeSpan PostureCheck { get; set; } = TimeSpan.FromMinutes(1);
}
