using System.CommandLine;
using ATTT.Monitor.Collector.Cli.Evtx;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt evtx dump</c>: every record of .evtx files as JSON lines or XML.</summary>
internal static class EvtxCommands
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<FileInfo[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = ".evtx files to dump." };
        var format = new Option<string>("--format") { Description = "json (one object per line) or xml (one record per line).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xml");
        var recover = new Option<bool>("--recover-deleted")
        {
            Description = "Also dump deleted records found in chunk slack (forensics); JSON marks them with \"Recovered\": true.",
        };
        var dump = new Command("dump", "Print every record of one or more .evtx files.") { files, format, recover };
        // An asynchronous action (System.CommandLine's Ctrl+C handling cancels its token) whose body
        // runs synchronously; see EvtxDumpCommand.Run.
        dump.SetAction((parse, cancel) => Task.FromResult(EvtxDumpCommand.Run(context,
            parse.GetValue(files) ?? [], parse.GetValue(format) ?? "json", parse.GetValue(recover), cancel)));
        return new Command("evtx", "Windows event log (.evtx) tools.") { dump };
    }
}
