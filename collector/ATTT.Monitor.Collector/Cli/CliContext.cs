namespace ATTT.Monitor.Collector.Cli;

/// <summary>The writers a command prints to; tests pass their own.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error);
