namespace ATTT.Monitor.Agent.Cli;

/// <summary>Bad usage or bad input (exit 2); the message is one sentence naming what is wrong.</summary>
public sealed class AgentUsageException : Exception
{
    public AgentUsageException(string message) : base(message) { }
    public AgentUsageException(string message, Exception inner) : base(message, inner) { }
    public AgentUsageException() { }
}
