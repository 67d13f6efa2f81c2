namespace ATTT.Monitor.Collector.Ingest;

/// <summary>A request refused with an HTTP status and, for 4xx/5xx with a reason, a JSON error body.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710", Justification = "An answer the agent endpoints give (status, field, retry-after), named for what it is; public because the posture endpoint answers the same way.")]
public sealed class IngestRejection : Exception
{
    public IngestRejection(int status, string? message, string? field = null, TimeSpan? retryAfter = null)
        : base(message ?? "")
    {
        Status = status;
        Field = field;
        RetryAfter = retryAfter;
        HasBody = message is not null;
    }

    public IngestRejection() : this(400, null) { }
    public IngestRejection(string message) : this(400, message) { }
    public IngestRejection(string message, Exception inner) : base(message, inner) { Status = 400; HasBody = true; }

    public int Status { get; }
    public string? Field { get; }
    public TimeSpan? RetryAfter { get; }
    public bool HasBody { get; }
}
