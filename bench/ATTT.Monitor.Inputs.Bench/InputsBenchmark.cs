using System.Diagnostics;
using System.Globalization;

namespace ATTT.Monitor.Inputs.Bench;

/// <summary>
/// Records per second reading each input format through <see cref="EventFileReader"/> into the event
/// model, on one core: per row, one untimed pass (JIT warm), then <c>--repeat</c> timed passes, of
/// which the least CPU time is reported (CPU time, not wall time, so other work on the machine
/// counts less). Every record is enumerated; nothing else is done with it.
/// </summary>
internal static class InputsBenchmark
{
    private const string Usage = """
        ATTT.Monitor.Inputs.Bench [--shared DIR] [--repeat N] [--copies N]
          --shared DIR   the shared test data (default: ../shared)
          --repeat N     timed passes per format, least CPU reported (default 3)
          --copies N     how many times the attack samples are written into each JSON input and
                         read as EVTX per pass (default 10: 82,550 records)
        """;

    public static int Run(string[] args, TextWriter output)
    {
        var shared = "../shared";
        int repeat = 3, copies = 10;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--shared" when i + 1 < args.Length: shared = args[++i]; break;
                case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], out repeat) && repeat > 0: i++; break;
                case "--copies" when i + 1 < args.Length && int.TryParse(args[i + 1], out copies) && copies > 0: i++; break;
                case "--help" or "-h": output.WriteLine(Usage); return 0;
                default: Console.Error.WriteLine($"Unknown or incomplete option '{args[i]}'.\n{Usage}"); return 2;
            }
        }

        if (!Directory.Exists(Path.Combine(shared, "evtx", "attack-samples")) || !Directory.Exists(Path.Combine(shared, "datasets", "otrf")))
        {
            Console.Error.WriteLine($"{shared} does not hold evtx/attack-samples and datasets/otrf (give --shared DIR).");
            return 2;
        }

        output.WriteLine($"writing the inputs ({copies} copies of the attack samples per JSON input)...");
        using var corpus = BenchCorpus.Write(shared, copies);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"format",-46} {"records",10} {"MB",8} {"CPU s",7} {"wall s",7} {"rec/s (CPU)",12} {"MB/s (CPU)",11}"));
        foreach (var input in corpus.Inputs)
        {
            Measure(input); // warm
            var best = Enumerable.Range(0, repeat).Select(_ => Measure(input)).MinBy(m => m.Cpu);
            var mb = input.Bytes / 1e6;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{input.Name,-46} {best.Records,10:N0} {mb,8:F1} {best.Cpu.TotalSeconds,7:F2} {best.Wall.TotalSeconds,7:F2} {best.Records / best.Cpu.TotalSeconds,12:N0} {mb / best.Cpu.TotalSeconds,11:F1}"));
            if (best.Warnings > 0)
                output.WriteLine($"  {best.Warnings} warnings while reading (the figure is not of a clean read)");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB (this process, inputs written in memory first)"));
        return 0;
    }

    private static Measurement Measure(BenchInput input)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var reader = new EventFileReader();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long records = 0;
        for (var pass = 0; pass < input.Passes; pass++)
        {
            foreach (var file in input.Files)
            {
                foreach (var _ in reader.Read(file))
                    records++;
            }
        }

        wall.Stop();
        process.Refresh();
        return new Measurement(records, process.TotalProcessorTime - cpu, wall.Elapsed, reader.Warnings);
    }

    private readonly record struct Measurement(long Records, TimeSpan Cpu, TimeSpan Wall, long Warnings);
}
