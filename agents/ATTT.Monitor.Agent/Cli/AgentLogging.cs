using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>One line per log entry on stderr (the service's output goes to the event log through the host).</summary>
internal static class AgentLogging
{
    public static ILoggerFactory Create(LogLevel level, TextWriter stderr) =>
        LoggerFactory.Create(b =>
        {
            b.SetMinimumLevel(level);
            b.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z' ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
            b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        });
}
