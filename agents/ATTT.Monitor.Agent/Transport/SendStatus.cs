namespace ATTT.Monitor.Agent.Transport;

/// <summary>How a call to the collector ended, after retries.</summary>
public enum SendStatus
{
    /// <summary>200: stored (or already stored: a duplicate).</summary>
    Accepted,

    /// <summary>413: the batch must be split.</summary>
    TooLarge,

    /// <summary>400/415 or another 4xx: never retried as it is; the batch is quarantined.</summary>
    Rejected,

    /// <summary>401: unknown or revoked token.</summary>
    Unauthorized,

    /// <summary>The collector could not be reached or kept failing; try again later.</summary>
    Unavailable,
}
