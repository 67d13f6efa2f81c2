namespace ATTT.Monitor.Collector.Posture;

/// <summary>A posture body that breaks docs/protocol.md; <see cref="Field"/> names the field (answered 400).</summary>
public sealed class PostureFormatException : Exception
{
    public PostureFormatException(string field, string message) : base(message) => Field = field;
    public PostureFormatException() { }
    public PostureFormatException(string message) : base(message) { }
    public PostureFormatException(string message, Exception inner) : base(message, inner) { }

    public string Field { get; } = "";
}
