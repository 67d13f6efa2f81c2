namespace ATTT.Monitor.Inputs;

/// <summary>A file (or archive) whose content is not in any format the readers know. The message names it.</summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string message) : base(message) { }
    public InputFormatException(string message, Exception inner) : base(message, inner) { }
    public InputFormatException() { }
}
