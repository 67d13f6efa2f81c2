using System.Diagnostics;
using ATTT.Monitor.Collector.Cli;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>
/// `attt scan` end to end, in this process (nothing else runs in it): rule loading, EVTX parsing,
/// evaluation and jsonl output to a null writer. Reports MB/s and events/s of the whole run and
/// the process's peak working set.
/// </summary>
internal static class ScanBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var bytes = Directory.EnumerateFiles(options.Input, "*.evtx", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var args = new List<string> { "scan" };
        foreach (var r in options.Rules) args.AddRange(["--rules", r]);
        args.AddRange(["--input", options.Input]);
        using var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = await CollectorCommandLine.RunAsync([.. args], TextWriter.Null, stderr);
        clock.Stop();
        var summary = stderr.ToString().TrimEnd().Split('\n')[^1];
        var events = long.Parse(summary.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"exit {code}: {summary}");
        Console.WriteLine($"input: {bytes / 1048576.0:F1} MB in {clock.Elapsed.TotalSeconds:F2} s (rule loading included)");
        Console.WriteLine($"throughput: {bytes / 1048576.0 / clock.Elapsed.TotalSeconds:F1} MB/s, {events / clock.Elapsed.TotalSeconds:N0} events/s");
        Console.WriteLine($"peak working set: {peak / 1048576.0:F0} MB");
        return code;
    }
}
