using System.CommandLine;

namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>attt-agent run</c>: collect and forward.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var collector = new Option<Uri>("--collector") { Description = "Collector URL, e.g. https://collector.xa.local:5443.", Required = true };
        var enrollCode = new Option<string?>("--enroll-code") { Description = "One-time enrollment code from 'attt agents enroll-code'." };
        var tokenFile = new Option<FileInfo?>("--token-file") { Description = "File holding this agent's token." };
        var state = new Option<DirectoryInfo>("--state") { Description = "Folder for checkpoints, spool and token.", Required = true };
        var source = new Option<string>("--source") { Description = "windows, evtx:PATH or jsonl:PATH.", DefaultValueFactory = _ => "windows" };
        var exitWhenDrained = new Option<bool>("--exit-when-drained") { Description = "Exit 0 once every event of a finite source has been acknowledged." };
        var command = new Command("run", "Collect events and antivirus status and forward them to the collector.")
        {
            collector, enrollCode, tokenFile, state, source, exitWhenDrained,
        };
        command.Validators.Add(result =>
        {
            var hasCode = result.GetValue(enrollCode) is not null;
            var hasToken = result.GetValue(tokenFile) is not null;
            if (hasCode == hasToken)
                result.AddError("Give exactly one of --enroll-code and --token-file.");
        });
        command.SetAction((_, _) => throw new AgentNotBuiltYetException("attt-agent run"));
        return command;
    }
}
