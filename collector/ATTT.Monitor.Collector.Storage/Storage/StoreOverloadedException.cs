namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// The store cannot take a batch now (write queue full or store unavailable). Nothing of the batch
/// was stored; the agent keeps it and retries after <see cref="RetryAfter"/>.
/// </summary>
public sealed class StoreOverloadedException : Exception
{
    public StoreOverloadedException(string message, TimeSpan retryAfter) : base(message) => RetryAfter = retryAfter;
    public StoreOverloadedException() : this("The event store is overloaded.", TimeSpan.FromSeconds(1)) { }
    public StoreOverloadedException(string message) : this(message, TimeSpan.FromSeconds(1)) { }
    public StoreOverloadedException(string message, Exception inner) : base(message, inner) => RetryAfter = TimeSpan.FromSeconds(5);

    public TimeSpan RetryAfter { get; }
}
