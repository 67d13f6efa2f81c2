namespace ATTT.Monitor.Events.Wire;

/// <summary>A wire body that does not follow docs/protocol.md. <see cref="Field"/> names the culprit.</summary>
public sealed class WireFormatException : Exception
{
    public WireFormatException(string field, string message) : base(message) => Field = field;
    public WireFormatException() { Field = ""; }
    public WireFormatException(string message) : base(message) { Field = ""; }
    public WireFormatException(string message, Exception inner) : base(message, inner) { Field = ""; }

    public string Field { get; }

    /// <summary>
    /// The body is well formed but holds more than a batch may (<see cref="EventBatch.MaxEvents"/>):
    /// answered 413, which the agent splits, not 400, which it quarantines (docs/protocol.md).
    /// </summary>
    public bool TooLarge { get; init; }
}
