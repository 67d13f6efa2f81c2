using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>Keeps every entry the collector logs, so a test can show what an operator would read.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LoggedEntry> _entries = new();

    public IReadOnlyCollection<LoggedEntry> Entries => _entries;

    /// <summary>Entries that carry an exception (their stack trace) or are errors.</summary>
    public IEnumerable<LoggedEntry> Failures => _entries.Where(e => e.Exception is not null || e.Level >= LogLevel.Error);

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LoggedEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LoggedEntry(category, logLevel, formatter(state, exception), exception));
    }
}
