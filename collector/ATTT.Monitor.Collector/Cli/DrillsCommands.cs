using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt drills list|run</c>: scheduled drills (diễn tập).</summary>
public static class DrillsCommands
{
    public static Command Create(CliContext context)
    {
        var listData = CommonOptions.Data(required: true);
        var list = new Command("list", "List scheduled drills.") { listData };
        list.SetAction((_, _) => throw new NotBuiltYetException("attt drills list"));

        var runData = CommonOptions.Data(required: true);
        var id = new Argument<string>("ID") { Description = "Drill (playbook) id." };
        var run = new Command("run", "Run a drill now.") { id, runData };
        run.SetAction((_, _) => throw new NotBuiltYetException("attt drills run"));
        return new Command("drills", "Drills (diễn tập).") { list, run };
    }
}
