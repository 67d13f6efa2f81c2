using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt playbooks check</c>: validates playbooks (kịch bản ứng phó).</summary>
public static class PlaybooksCommands
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Playbook files or folders." };
        var check = new Command("check", "Validate playbooks.") { paths };
        check.SetAction((_, _) => throw new NotBuiltYetException("attt playbooks check"));
        return new Command("playbooks", "Incident-response playbooks.") { check };
    }
}
