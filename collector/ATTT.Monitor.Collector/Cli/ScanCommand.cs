using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt scan</c>: offline hunt with Sigma rules over .evtx and .jsonl files.</summary>
public static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string[]>("--rules") { Description = "Rule file or folder (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var input = new Option<string[]>("--input") { Description = "Input .evtx/.jsonl file or folder (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Logsource mapping file overriding the shipped one." };
        var format = new Option<string>("--format") { Description = "jsonl or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var command = new Command("scan", "Evaluate Sigma rules over .evtx and .jsonl files.") { rules, input, mapping, format };
        command.SetAction((_, _) => throw new NotBuiltYetException("attt scan"));
        return command;
    }
}
