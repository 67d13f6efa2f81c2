using System.Collections.Concurrent;

namespace ATTT.Monitor.Collector.Users;

/// <summary>
/// Lines meant for the operator at the console at start (the first administrator's one-time
/// password). Services add them while the host starts; <c>attt serve</c> prints them on standard
/// output right after its first line (the dashboard URL), which scripts read first.
/// </summary>
internal sealed class StartupNotices
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string line) => _lines.Enqueue(line);

    /// <summary>Writes and forgets the pending lines.</summary>
    public async Task WriteAsync(TextWriter output, CancellationToken cancellationToken)
    {
        while (_lines.TryDequeue(out var line))
            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
