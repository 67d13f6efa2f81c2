namespace ATTT.Monitor.Collector.Detection;

/// <summary>Saved detector state that cannot be taken over (damaged, or not correlation state).</summary>
internal sealed class DetectorStateException : Exception
{
    public DetectorStateException(string message) : base(message) { }

    public DetectorStateException(string message, Exception inner) : base(message, inner) { }
}
