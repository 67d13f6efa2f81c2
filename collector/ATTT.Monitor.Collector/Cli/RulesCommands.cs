using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt rules check</c>: load rules as serve and scan would, and report what did not load.</summary>
public static class RulesCommands
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Rule files or folders." };
        var check = new Command("check", "Load rules and list those that cannot be loaded.") { paths };
        check.SetAction((_, _) => throw new NotBuiltYetException("attt rules check"));
        return new Command("rules", "Sigma rule tools.") { check };
    }
}
