using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ATTT.Monitor.EndToEnd.Tests.Support;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.EndToEnd.Tests.Agent;

/// <summary>
/// The real <c>attt serve</c> on a fixed loopback port (so it can be stopped and started again
/// under the agent's feet) and the real <c>attt-agent</c> as child processes.
/// </summary>
internal sealed class AgentTestBed : IAsyncDisposable
{
    private readonly TempFolder _root = new("attt-agent-e2e");
    private Process? _collector;
    private readonly List<string> _collectorLog = [];

    public AgentTestBed() => Port = FreePort();

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Data => Path.Combine(_root.Path, "data");

    public string State => Path.Combine(_root.Path, "state");

    public string CollectorLog
    {
        get
        {
            lock (_collectorLog)
                return string.Join('\n', _collectorLog.TakeLast(40));
        }
    }

    /// <summary>Short retry delays so a stopped collector is noticed and rejoined in seconds.</summary>
    public string WriteConfig(string extra = "")
    {
        var path = Path.Combine(_root.Path, "agent.yaml");
        File.WriteAllText(path, $"""
            transport:
              retries: 3
              retry_max_delay: 1s
              break_duration: 1s
              unavailable_pause: 1s
            {extra}
            """);
        return path;
    }

    public static long CountEvents(string path) =>
        (File.Exists(path) ? [path] : Directory.GetFiles(path, "*.evtx", SearchOption.AllDirectories)).Sum(f => EvtxFile.ReadEvents(f).LongCount());

    public async Task StartCollectorAsync()
    {
        var info = AtttExecutable.StartInfo(AtttExecutable.Collector, ["serve", "--data", Data, "--urls", Url]);
        _collector = Process.Start(info) ?? throw new InvalidOperationException("attt serve did not start.");
        _collector.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_collectorLog)
                    _collectorLog.Add(e.Data);
            }
        };
        _collector.BeginErrorReadLine();
        var first = await _collector.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(first is not null && first.Contains(Url, StringComparison.Ordinal), $"attt serve first line: {first}\n{CollectorLog}");
        _ = _collector.StandardOutput.ReadToEndAsync();
    }

    public void KillCollector()
    {
        if (_collector is { HasExited: false })
        {
            _collector.Kill(entireProcessTree: true);
            _collector.WaitForExit(10_000);
        }

        _collector?.Dispose();
        _collector = null;
    }

    public async Task<string> EnrollCodeAsync()
    {
        var result = await AtttExecutable.RunCollectorCommandAsync("agents", "enroll-code", "--data", Data);
        Assert.Equal(0, result.ExitCode);
        return result.LastLine;
    }

    public async Task<(long Events, long Dropped)> StatsAsync()
    {
        var result = await AtttExecutable.RunCollectorCommandAsync("stats", "--data", Data);
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.LastLine);
        var root = json.RootElement;
        var dropped = root.TryGetProperty("events_dropped_by_agents", out var d) ? d.GetInt64() : 0;
        return (root.GetProperty("events").GetInt64(), dropped);
    }

    public Process StartAgent(params string[] args) => StartAgentVia(Url, args);

    /// <summary>Starts the agent with <paramref name="collectorUrl"/> as its collector (a relay in front of the real one).</summary>
    public Process StartAgentVia(string collectorUrl, params string[] args)
    {
        var info = AtttExecutable.StartInfo(AtttExecutable.Agent, ["run", "--collector", collectorUrl, "--state", State, .. args]);
        var process = Process.Start(info) ?? throw new InvalidOperationException("attt-agent did not start.");
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    public static async Task<(int Code, string Log)> WaitAsync(Process agent, TimeSpan timeout)
    {
        var log = agent.StandardError.ReadToEndAsync();
        try
        {
            await agent.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            agent.Kill(entireProcessTree: true);
            throw new TimeoutException($"attt-agent did not finish within {timeout}. Log:\n{await log}");
        }

        return (agent.ExitCode, await log);
    }

    /// <summary>Waits until the store holds at least <paramref name="atLeast"/> events.</summary>
    public Task WaitForEventsAsync(long atLeast, TimeSpan timeout) =>
        Eventually.ValueAsync(async () => (await StatsAsync()).Events, events => events >= atLeast,
            $"the store to reach {atLeast} events (collector log:\n{CollectorLog})", timeout);

    /// <summary>The agent's own count of events it dropped, as <c>attt-agent status</c> prints it.</summary>
    public async Task<long> AgentDroppedAsync()
    {
        if (!File.Exists(Path.Combine(State, "checkpoint.json")))
            return 0;
        var status = await AtttExecutable.RunAsync(AtttExecutable.Agent, ["status", "--state", State]);
        var match = System.Text.RegularExpressions.Regex.Match(status.StandardOutput, @"dropped events: (\d+) total");
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public ValueTask DisposeAsync()
    {
        KillCollector();
        _root.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
