namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// Thrown by a command whose feature does not exist yet, so that it says so and exits 1 instead of
/// pretending to work.
/// </summary>
public sealed class NotBuiltYetException : Exception
{
    public NotBuiltYetException(string feature)
        : base($"'{feature}' is not built yet in this version of ATTT Monitor.") { }
    public NotBuiltYetException() { }
    public NotBuiltYetException(string message, Exception inner) : base(message, inner) { }
}
