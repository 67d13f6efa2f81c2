using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// The agent's loggers: one line per entry on stderr (the service's output goes to the event log
/// through the host). Written directly rather than through Microsoft.Extensions.Logging's
/// LoggerFactory and console provider: those bring a dependency-injection container, options and a
/// background writer thread whose compiled code stayed resident for the agent's whole life
/// (docs/agent.md, "Footprint").
/// </summary>
internal sealed class AgentLogging(LogLevel minimum, TextWriter stderr) : ILoggerFactory
{
    private readonly Lock _gate = new();

    public static ILoggerFactory Create(LogLevel level, TextWriter stderr) => new AgentLogging(level, stderr);

    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, minimum, stderr, _gate);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The agent's loggers write to stderr only.");

    public void Dispose()
    {
    }
}
