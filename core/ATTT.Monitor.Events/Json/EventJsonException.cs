namespace ATTT.Monitor.Events.Json;

/// <summary>
/// A record in the evtx-dump JSON shape could not be read. <see cref="Line"/> is the 1-based line
/// of the input where the bad record starts, when the record came from a stream.
/// </summary>
public sealed class EventJsonException : Exception
{
    public EventJsonException(string message) : base(message) { }
    public EventJsonException(string message, Exception inner) : base(message, inner) { }
    public EventJsonException() { }

    public EventJsonException(string message, long line, Exception? inner = null)
        : base(message, inner!)
    {
        Line = line;
    }

    public long? Line { get; }
}
