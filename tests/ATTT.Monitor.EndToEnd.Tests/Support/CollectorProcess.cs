using System.Collections.Concurrent;
using System.Diagnostics;

namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>
/// <c>attt serve</c> as a child process on 127.0.0.1 with a port chosen by the OS (the first stdout
/// line names the URL once Kestrel listens). Stderr (the log) is kept for failure messages.
/// <code>
/// using var data = new TempFolder();
/// await using var collector = await CollectorProcess.StartAsync(data.Path);
/// var code = (await AtttExecutable.RunCollectorCommandAsync("agents", "enroll-code", "--data", data.Path)).LastLine;
/// // ... post to collector.BaseAddress ...
/// collector.Kill();   // SIGKILL, like kill -9
/// </code>
/// </summary>
public sealed class CollectorProcess : IAsyncDisposable
{
    private const string FirstLinePrefix = "ATTT Monitor dashboard: ";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentQueue<string> _output = new();

    private CollectorProcess(Process process, string dataPath)
    {
        _process = process;
        DataPath = dataPath;
    }

    public string DataPath { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The collector's log so far (stderr), for assertion messages.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>Stdout after the first line so far (the start-up notices, e.g. the first administrator's one-time password).</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts <c>attt serve --data DATA --urls http://127.0.0.1:0</c> plus <paramref name="extraArgs"/>
    /// (e.g. <c>--config FILE</c>), and waits for the first line. Settings go in
    /// <paramref name="environment"/> the way operators set them: <c>ATTT_Ingest__RequestsPerSecond=100</c>.
    /// </summary>
    /// <param name="workingDirectory">Where the process starts; null: the test's output folder.</param>
    public static async Task<CollectorProcess> StartAsync(string dataPath, IEnumerable<string>? extraArgs = null,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? startTimeout = null, string? workingDirectory = null)
    {
        var args = new List<string> { "serve", "--data", dataPath, "--urls", "http://127.0.0.1:0" };
        args.AddRange(extraArgs ?? []);
        var info = AtttExecutable.StartInfo(AtttExecutable.Collector, args);
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start attt serve.");
        var collector = new CollectorProcess(process, dataPath);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                collector._log.Enqueue(e.Data);
        };
        process.BeginErrorReadLine();
        try
        {
            var first = await process.StandardOutput.ReadLineAsync().WaitAsync(startTimeout ?? TimeSpan.FromSeconds(60));
            if (first is null || !first.StartsWith(FirstLinePrefix, StringComparison.Ordinal))
                throw new InvalidOperationException($"attt serve did not print its URL (first line: {first ?? "none"}). Log:\n{collector.Log}");
            collector.BaseAddress = new Uri(first[FirstLinePrefix.Length..].Trim());
            // Keep draining stdout so the child never blocks on a full pipe, and keep what it says.
            _ = collector.KeepOutputAsync();
            return collector;
        }
        catch
        {
            collector.Kill();
            collector._process.Dispose();
            throw;
        }
    }

    private async Task KeepOutputAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync() is { } line)
                _output.Enqueue(line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process was killed and disposed while a line was awaited.
        }
    }

    /// <summary>SIGKILL, like <c>kill -9</c>: no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>Resident memory of the collector in KiB (from /proc), or null where there is no /proc.</summary>
    public long? ResidentKilobytes() => ProcStatus.ResidentKilobytes(_process.Id);

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
