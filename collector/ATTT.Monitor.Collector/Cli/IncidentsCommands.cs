using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt incidents list</c>: incidents, newest first.</summary>
public static class IncidentsCommands
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var format = new Option<string>("--format") { Description = "jsonl or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var list = new Command("list", "List incidents, newest first.") { data, format };
        list.SetAction((_, _) => throw new NotBuiltYetException("attt incidents list"));
        return new Command("incidents", "Incidents (sự cố).") { list };
    }
}
