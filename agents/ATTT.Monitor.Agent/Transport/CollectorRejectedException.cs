namespace ATTT.Monitor.Agent.Transport;

/// <summary>The collector refused a request that retrying cannot fix (bad enrollment code, bad token).</summary>
public sealed class CollectorRejectedException : Exception
{
    public CollectorRejectedException(string message) : base(message) { }
    public CollectorRejectedException(string message, Exception inner) : base(message, inner) { }
    public CollectorRejectedException() { }
}
