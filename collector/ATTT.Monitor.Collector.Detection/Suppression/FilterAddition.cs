namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// The filter a request to add one ended with: <see cref="Reused"/> when an active filter that is the
/// same (<see cref="FilterIdentity"/>) already existed, and nothing was written.
/// </summary>
public sealed record FilterAddition(long Id, bool Reused);
