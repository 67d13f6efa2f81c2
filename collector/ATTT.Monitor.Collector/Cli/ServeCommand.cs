using System.CommandLine;
using ATTT.Monitor.Collector.Hosting;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt serve</c>: the collector service.</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: false);
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on (separate several with ';').",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var config = new Option<FileInfo?>("--config") { Description = "Configuration file (JSON)." };
        var command = new Command("serve", "Run the collector: ingest API, detection, incidents, notifications, scheduler, dashboard.")
        {
            data, urls, config,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServeOptions(parse.GetValue(data)!.FullName, parse.GetValue(urls)!, parse.GetValue(config)?.FullName);
            await using var app = CollectorHost.Build(options);
            await CollectorHost.RunAsync(app, context.Out, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
