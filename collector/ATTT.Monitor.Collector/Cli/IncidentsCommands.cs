using System.CommandLine;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt incidents list</c>: incidents, newest first.</summary>
internal static class IncidentsCommands
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var format = new Option<string>("--format") { Description = "jsonl or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var list = new Command("list", "List incidents, newest first.") { data, format };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(data)!;
            var database = new DataDirectoryOptions { Path = folder.FullName }.StateDatabasePath;
            if (!File.Exists(database))
                throw new BadInputException($"The folder {folder.FullName} holds no ATTT Monitor store ({Path.GetFileName(database)} is missing).");
            await IncidentListing.WriteAsync(database, parse.GetValue(format) == "jsonl", context.Out, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return new Command("incidents", "Incidents (sự cố).") { list };
    }
}
