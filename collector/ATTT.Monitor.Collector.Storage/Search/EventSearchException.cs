namespace ATTT.Monitor.Collector.Search;

/// <summary>A search filter that cannot be used: <see cref="Parameter"/> names it, the message says why (one sentence).</summary>
public sealed class EventSearchException(string parameter, EventSearchProblem problem, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
    public EventSearchProblem Problem { get; } = problem;

    /// <summary>The value refused, when showing it helps (a time that cannot be read).</summary>
    public string? Value { get; init; }
}
