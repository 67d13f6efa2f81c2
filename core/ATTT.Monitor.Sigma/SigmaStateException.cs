namespace ATTT.Monitor.Sigma;

/// <summary>Saved correlation state that cannot be read; the message names where it is wrong.</summary>
public sealed class SigmaStateException : Exception
{
    public SigmaStateException(string message) : base(message) { }
    public SigmaStateException(string message, Exception inner) : base(message, inner) { }
    public SigmaStateException() { }
}
