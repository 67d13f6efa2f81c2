namespace ATTT.Monitor.Agent.Cli;

/// <summary>A command whose feature is not built yet says so and exits 1 instead of pretending.</summary>
public sealed class AgentNotBuiltYetException : Exception
{
    public AgentNotBuiltYetException(string feature)
        : base($"'{feature}' is not built yet in this version of the ATTT Monitor agent.") { }
    public AgentNotBuiltYetException() { }
    public AgentNotBuiltYetException(string message, Exception inner) : base(message, inner) { }
}
