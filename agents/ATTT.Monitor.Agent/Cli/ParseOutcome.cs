namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// What <see cref="CommandLineParser"/> made of the arguments: the command and its options, or the
/// usage errors (each one sentence naming the bad command, option or value), or a request for help
/// (of <see cref="Command"/>, or of the whole program when it is null) or for the version.
/// </summary>
internal sealed record ParseOutcome(AgentCommand? Command, ParsedCommand Values, IReadOnlyList<string> Errors, bool Help, bool Version);
