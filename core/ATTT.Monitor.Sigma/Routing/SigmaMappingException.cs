namespace ATTT.Monitor.Sigma.Routing;

/// <summary>The logsource mapping file is invalid; the message names the file and line.</summary>
public sealed class SigmaMappingException : Exception
{
    public SigmaMappingException(string message) : base(message) { }
    public SigmaMappingException(string message, Exception inner) : base(message, inner) { }
    public SigmaMappingException() { }
}
