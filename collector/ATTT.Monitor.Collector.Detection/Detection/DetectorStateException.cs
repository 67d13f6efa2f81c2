namespace ATTT.Monitor.Collector.Detection;

/// <summary>Saved detector state that cannot be taken over (damaged, or not correlation state).</summary>
internal sealed class DetectorStateException(string message, Exception inner) : Exception(message, inner);
