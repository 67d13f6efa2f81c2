namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// Bad usage or bad input (exit code 2). The message is the one plain sentence shown to the
/// operator, naming the file, line or field at fault.
/// </summary>
internal sealed class BadInputException : Exception
{
    public BadInputException(string message) : base(message) { }
    public BadInputException(string message, Exception inner) : base(message, inner) { }
    public BadInputException() { }
}
