using System.Buffers;
using System.Diagnostics;
using System.Globalization;

namespace ATTT.Monitor.Evtx.Bench;

/// <summary>
/// Measures the EVTX reader over a corpus (default: ../shared/evtx/attack-samples) side by side
/// with Debian's evtxexport and python-evtx: records/s and MB/s by wall clock and by CPU time
/// (the CPU figure is the honest one on a shared machine), and the peak working set.
/// Usage: ATTT.Monitor.Evtx.Bench [--corpus DIR] [--repeat N] [--stages] [--no-python] [--attt PATH]
/// </summary>
internal static class EvtxBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        var loadAtStart = LoadAverage();
        var corpus = Option(args, "--corpus") ?? FindCorpus();
        var repeat = int.Parse(Option(args, "--repeat") ?? "5", CultureInfo.InvariantCulture);
        var files = Directory.GetFiles(corpus, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var records = files.Sum(f => (long)EvtxFile.ReadEvents(f).Count());
        output.WriteLine($"corpus: {corpus}: {files.Length} files, {bytes / 1e6:F1} MB, {records} records; our runs repeated {repeat}x");
        output.WriteLine($"{"",-36}{"wall s",9}{"cpu s",9}{"rec/s wall",12}{"rec/s cpu",12}{"MB/s wall",11}{"MB/s cpu",10}");

        // Warm up the JIT so that one-time compilation does not count: hot methods move to optimised
        // code only after 30 calls and a quiet spell of 100 ms, compiled on a background thread whose
        // CPU time would otherwise land in the first timed run.
        for (var i = 0; i < 3; i++)
        {
            ReadModel(files);
            DumpJson(files);
            if (args.Contains("--stages"))
            {
                ScanOnly(files);
                ExpandOnly(files);
            }

            Thread.Sleep(300);
        }

        if (args.Contains("--stages"))
        {
            Print(output, "  stage: chunks and records only", Measure(() => { for (var i = 0; i < repeat; i++) ScanOnly(files); }), records * repeat, bytes * repeat);
            Print(output, "  stage: + binary XML expansion", Measure(() => { for (var i = 0; i < repeat; i++) ExpandOnly(files); }), records * repeat, bytes * repeat);
        }

        var model = Measure(() => { for (var i = 0; i < repeat; i++) ReadModel(files); });
        Print(output, "event model (EvtxFile.ReadEvents)", model, records * repeat, bytes * repeat);
        var json = Measure(() => { for (var i = 0; i < repeat; i++) DumpJson(files); });
        Print(output, "JSON dump (in process, as evtx dump)", json, records * repeat, bytes * repeat);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        // Each tool is run the way it is used: attt takes every file in one process (start-up and
        // JIT paid once, included in the figure); evtxexport and evtx_dump.py take one file each, so
        // they run once per file. All write to /dev/null; times are bash's for the whole loop.
        (double Wall, double Cpu)? process = null;
        if (Option(args, "--attt") is { } attt)
        {
            process = Best(repeat, () => Shell($"\"{attt}\" evtx dump --format json \"$@\" > /dev/null", files));
            Print(output, "attt evtx dump --format json", process.Value, records, bytes);
        }

        var evtxexport = Best(repeat, () => Shell("for f in \"$@\"; do evtxexport \"$f\"; done > /dev/null 2>&1", files));
        Print(output, "evtxexport (libevtx-utils)", evtxexport, records, bytes);
        if (!args.Contains("--no-python"))
        {
            Print(output, "python-evtx (evtx_dump.py)",
                Shell("for f in \"$@\"; do /usr/bin/python3 /usr/bin/evtx_dump.py \"$f\"; done > /dev/null 2>&1", files), records, bytes);
        }

        output.WriteLine($"peak working set of this process (our reading and dumping): {peak / 1e6:F1} MB");
        if (process is { } p)
            output.WriteLine($"attt evtx dump vs evtxexport: {evtxexport.Cpu / p.Cpu:F1}x by CPU time, {evtxexport.Wall / p.Wall:F1}x by wall clock (target 5x)");
        output.WriteLine("how the processes ran: attt: one process for all files (`attt evtx dump --format json FILE...`);");
        output.WriteLine("  evtxexport: one process per file (`evtxexport FILE`, its default text output), as it takes one file;");
        output.WriteLine("  python-evtx: one process per file (`evtx_dump.py FILE`, XML), run once.");
        output.WriteLine($"  attt and evtxexport rows: the run with the least CPU time of {repeat}; in-process rows: {repeat} passes after three untimed ones.");
        output.WriteLine($"load average at start: {loadAtStart}; at end: {LoadAverage()} (CPU columns are the fair comparison on a busy machine)");
        return 0;
    }

    private static long ReadModel(string[] files)
    {
        long n = 0;
        foreach (var f in files)
        {
            foreach (var e in EvtxFile.ReadEvents(f))
                n += e.Fields.Count;
        }

        return n;
    }

    private static long ScanOnly(string[] files)
    {
        long n = 0;
        foreach (var f in files)
        {
            var scanner = new Chunks.EvtxScanner(f, () => File.OpenRead(f), false, null);
            foreach (var slot in scanner.Records())
                n += slot.Size;
        }

        return n;
    }

    private static long ExpandOnly(string[] files)
    {
        var visitor = new NullVisitor();
        foreach (var f in files)
        {
            foreach (var slot in EvtxFile.Expand(f, () => File.OpenRead(f), new EvtxReadOptions(), null, visitor))
                _ = slot;
        }

        return visitor.Calls;
    }

    private static void DumpJson(string[] files)
    {
        // As `attt evtx dump` writes: each record rendered by one reused EvtxJsonWriter into one
        // buffer, handed to the output in 256 KiB blocks.
        const int block = 256 * 1024;
        var pending = new ArrayBufferWriter<byte>(block);
        using var json = new EvtxJsonWriter();
        foreach (var f in files)
        {
            foreach (var d in EvtxFile.ReadDocuments(f))
            {
                var bytes = json.Render(d);
                bytes.CopyTo(pending.GetSpan(bytes.Length + 1));
                pending.Advance(bytes.Length);
                pending.GetSpan(1)[0] = (byte)'\n';
                pending.Advance(1);
                if (pending.WrittenCount >= block)
                {
                    Stream.Null.Write(pending.WrittenSpan);
                    pending.ResetWrittenCount();
                }
            }
        }

        Stream.Null.Write(pending.WrittenSpan);
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Runs a bash loop over the files and reads bash's own real/user/sys times for it.</summary>
    private static (double Wall, double Cpu) Shell(string loop, string[] files)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"TIMEFORMAT='%R %U %S'; time ( {loop} )");
        start.ArgumentList.Add("bench");
        foreach (var f in files)
            start.ArgumentList.Add(f);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var parts = error.Trim().Split('\n')[^1].Split(' ');
        double P(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return (P(0), P(1) + P(2));
    }

    private static void Print(TextWriter output, string name, (double Wall, double Cpu) t, long records, long bytes) =>
        output.WriteLine($"{name,-36}{t.Wall,9:F2}{t.Cpu,9:F2}{records / t.Wall,12:N0}{records / t.Cpu,12:N0}{bytes / 1e6 / t.Wall,11:F1}{bytes / 1e6 / t.Cpu,10:F1}");

    /// <summary>The run with the least CPU time: other load on the machine only ever adds to it.</summary>
    private static (double Wall, double Cpu) Best(int runs, Func<(double Wall, double Cpu)> run) =>
        Enumerable.Range(0, Math.Max(1, runs)).Select(_ => run()).MinBy(t => t.Cpu);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindCorpus()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "evtx", "attack-samples");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException("../shared/evtx/attack-samples not found above the current directory; pass --corpus DIR.");
    }
}
