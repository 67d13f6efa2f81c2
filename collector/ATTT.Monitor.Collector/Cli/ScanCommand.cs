using System.CommandLine;
using System.Globalization;
using ATTT.Monitor.Collector.Cli.Scan;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt scan</c>: offline hunt with Sigma rules over .evtx and .jsonl files.</summary>
internal static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Option<string[]>("--rules") { Description = "Rule file or folder (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var input = new Option<string[]>("--input") { Description = "Input .evtx/.jsonl file or folder (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Logsource mapping file overriding the shipped one." };
        var format = new Option<string>("--format") { Description = "jsonl or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var command = new Command("scan", "Evaluate Sigma rules over .evtx and .jsonl files.") { rules, input, mapping, format };
        command.SetAction(parse => Run(context, parse.GetValue(rules)!, parse.GetValue(input)!, parse.GetValue(mapping),
            parse.GetValue(format)!, parse.GetValue(CollectorCommandLine.Verbose)));
        return command;
    }

    private static int Run(CliContext context, string[] rulePaths, string[] inputs, FileInfo? mapping, string format, bool verbose)
    {
        var files = ScanInputs.Enumerate(inputs);
        var ruleSet = RuleLoading.Load(rulePaths, mapping);
        foreach (var d in ruleSet.Diagnostics) context.Error.WriteLine(d.ToString());
        if (ruleSet.UnroutedRules.Count > 0)
            context.Error.WriteLine($"note: {ruleSet.UnroutedRules.Count} loaded rules have a logsource with no Windows event mapping and cannot match these inputs");

        IDetectionWriter writer = format == "table" ? new TableDetectionWriter(context.Out) : new JsonlDetectionWriter(context.Out);
        var summary = new ScanRunner(ruleSet, writer, context.Error, verbose).Run(files);
        context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scanned {summary.Events} events in {summary.Files} files: {summary.Detections} detections, {ruleSet.LoadedCount} rules loaded, {ruleSet.Diagnostics.Count} rules skipped"));
        // A file that is not a valid log is bad input (exit 2, as `evtx dump`); one that cannot be read is a failure.
        return summary.FailedFiles > 0 ? ExitCodes.RuntimeFailure : summary.BadFiles > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
