namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// Where notices meant for the operator at the console go (the first administrator's one-time
/// password). <c>attt serve</c> uses standard output; tests pass their own writer.
/// </summary>
public sealed record StartupConsole(TextWriter Out);
