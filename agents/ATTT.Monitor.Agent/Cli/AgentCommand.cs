namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// One <c>attt-agent</c> command: its options, a check of how they combine (each problem one
/// sentence; any problem is a usage error, exit 2) and what it does.
/// </summary>
internal sealed record AgentCommand(
    string Name,
    string Description,
    string Usage,
    IReadOnlyList<CommandOption> Options,
    Func<ParsedCommand, CancellationToken, Task<int>> Run)
{
    public Func<ParsedCommand, IEnumerable<string>> Validate { get; init; } = _ => [];

    public CommandOption? Find(string name)
    {
        foreach (var option in Options)
        {
            if (option.Name == name)
                return option;
        }

        return null;
    }
}
