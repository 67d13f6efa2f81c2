using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt stats</c>: counts in the store as one JSON object.</summary>
public static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var command = new Command("stats", "Print counts in the store as JSON (works while serve runs).") { data };
        command.SetAction((_, _) => throw new NotBuiltYetException("attt stats"));
        return command;
    }
}
