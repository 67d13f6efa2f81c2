using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt evtx dump</c>: every record of .evtx files as JSON lines or XML.</summary>
public static class EvtxCommands
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<FileInfo[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = ".evtx files to dump." };
        var format = new Option<string>("--format") { Description = "json or xml.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xml");
        var dump = new Command("dump", "Print every record of one or more .evtx files.") { files, format };
        dump.SetAction((_, _) => throw new NotBuiltYetException("attt evtx dump"));
        return new Command("evtx", "Windows event log (.evtx) tools.") { dump };
    }
}
