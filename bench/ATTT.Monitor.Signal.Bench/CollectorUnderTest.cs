using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ATTT.Monitor.Signal.Bench;

/// <summary><c>attt serve</c> as a child process on a free loopback port, over its own data folder.</summary>
internal sealed class CollectorUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _log;

    private CollectorUnderTest(Process process, string url)
    {
        _process = process;
        Url = url;
        _log = process.StandardError.ReadToEndAsync();
    }

    public string Url { get; }

    public static async Task<CollectorUnderTest> StartAsync(string attt, string data, string config)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var process = Process.Start(Command.StartInfo(attt, ["serve", "--data", data, "--urls", url, "--config", config]))
            ?? throw new InvalidOperationException("attt serve did not start.");
        var collector = new CollectorUnderTest(process, url);
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        if (first is null || !first.Contains(url, StringComparison.Ordinal))
            throw new InvalidOperationException($"attt serve did not start: {first}\n{await collector.StopAsync().ConfigureAwait(false)}");
        _ = process.StandardOutput.ReadToEndAsync();
        return collector;
    }

    /// <summary>Stops the collector (SIGTERM-like kill of the tree) and returns its log.</summary>
    public async Task<string> StopAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return await _log.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
