using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt serve</c>: the collector service.</summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: false);
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on.",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var config = new Option<FileInfo?>("--config") { Description = "Configuration file (YAML or JSON)." };
        var command = new Command("serve", "Run the collector: ingest API, detection, incidents, notifications, scheduler, dashboard.")
        {
            data, urls, config,
        };
        command.SetAction((_, _) => throw new NotBuiltYetException("attt serve"));
        return command;
    }
}
