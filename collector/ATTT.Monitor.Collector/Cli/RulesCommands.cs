using System.CommandLine;
using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt rules check</c>: load rules as serve and scan would, and report what did not load.</summary>
internal static class RulesCommands
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Rule files or folders." };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Logsource mapping file overriding the shipped one." };
        var check = new Command("check", "Load rules and list those that cannot be loaded.") { paths, mapping };
        check.SetAction(parse => Check(context, parse.GetValue(paths)!, parse.GetValue(mapping)));
        return new Command("rules", "Sigma rule tools.") { check };
    }

    private static int Check(CliContext context, string[] paths, FileInfo? mapping)
    {
        var rules = Scan.RuleLoading.Load(paths, mapping);
        foreach (var d in rules.Diagnostics) context.Out.WriteLine(d.ToString());
        context.Out.WriteLine($"rules: {rules.LoadedCount} loaded, {rules.UnsupportedCount} unsupported, {rules.InvalidCount} invalid");
        return rules.InvalidCount > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }
}
