using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// One line per entry, written at once to the agent's stderr, in the shape of the console logger's
/// single-line format: <c>2026-11-27T10:00:00Z info: sender[0] message</c>; an exception follows on
/// the same line.
/// </summary>
internal sealed class StderrLogger(string category, LogLevel minimum, TextWriter stderr, Lock gate) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        ArgumentNullException.ThrowIfNull(formatter);
        // One entry, one line: a line break inside (event content is attacker-controlled) must not
        // start what looks like another entry.
        var message = formatter(state, exception).ReplaceLineEndings(" ");
        var line = $"{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'} {Level(logLevel)}: {category}[{eventId.Id}] {message}" +
            (exception is null ? "" : " " + exception.ToString().ReplaceLineEndings(" "));
        lock (gate)
        {
            stderr.WriteLine(line);
            stderr.Flush();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
