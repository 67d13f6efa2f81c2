namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// The writers a command prints to and the clock it reads: the machine's in production; tests that
/// run a command in-process pass their own writers and the clock of the collector under test.
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Time);
