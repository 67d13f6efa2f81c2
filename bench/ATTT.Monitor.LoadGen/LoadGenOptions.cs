using System.Globalization;

namespace ATTT.Monitor.LoadGen;

/// <summary>Command line of <c>attt-loadgen</c>.</summary>
public sealed class LoadGenOptions
{
    public const string Usage = """
        usage: attt-loadgen --attt PATH/attt.dll [--collector URL --data DIR] [--agents 50] [--duration 60]
                            [--rate 0] [--batch 500] [--concurrency 16] [--samples DIR] [--prebuild 2000]
                            [--rules all|product|PATH[,PATH...]] [--markers N] [--drain 120]
          --attt        the collector (attt.dll); used for 'agents enroll-code' and, without --collector, to start 'attt serve'
          --collector   an already running collector (then --data must be its data folder)
          --rate        target events/s (0 = as fast as the collector acknowledges)
          --samples     folder of .evtx files (default: ../shared/evtx found above the current folder)
          --rules       rules the started collector loads: all (default: the repository's rules/ and
                        ../shared/sigma/rules/windows), product (rules/ only), or folders
          --markers     marker events per second that must become incidents, for receipt -> incident
                        latency (default 2 with --rate, else 0)
          --drain       after the load, seconds to wait for detection to catch up (default 120)
        """;

    public required string AtttDll { get; init; }
    public Uri? Collector { get; init; }
    public string? DataDirectory { get; init; }
    public int Agents { get; init; } = 50;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public double Rate { get; init; }
    public int BatchSize { get; init; } = 500;
    public int Concurrency { get; init; } = 16;
    public string? Samples { get; init; }
    public int Prebuild { get; init; } = 2000;
    public string Rules { get; init; } = "all";
    public double Markers { get; init; }
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(120);

    public static LoadGenOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }

        string? Get(string name) => values.Remove(name, out var v) ? v : null;
        int Int(string name, int fallback) => Get(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Double(string name, double fallback) => Get(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var rate = Double("rate", 0);
        var options = new LoadGenOptions
        {
            AtttDll = Get("attt") ?? throw new ArgumentException("--attt is required."),
            Collector = Get("collector") is { } url ? new Uri(url) : null,
            DataDirectory = Get("data"),
            Agents = Int("agents", 50),
            Duration = TimeSpan.FromSeconds(Int("duration", 60)),
            Rate = rate,
            BatchSize = Int("batch", 500),
            Concurrency = Int("concurrency", 16),
            Samples = Get("samples"),
            Prebuild = Int("prebuild", 2000),
            Rules = Get("rules") ?? "all",
            Markers = Double("markers", rate > 0 ? 2 : 0),
            Drain = TimeSpan.FromSeconds(Int("drain", 120)),
        };
        if (values.Count > 0)
            throw new ArgumentException($"Unknown option --{values.Keys.First()}.");
        if (options.Collector is not null && options.DataDirectory is null)
            throw new ArgumentException("--collector needs --data (the collector's data folder, for enrollment codes).");
        if (options.Agents < 1 || options.BatchSize is < 1 or > 5000 || options.Concurrency < 1 || options.Markers < 0)
            throw new ArgumentException("--agents and --concurrency must be positive, --batch between 1 and 5000, --markers not negative.");
        return options;
    }

    /// <summary>The rule folders for the started collector; empty means its own default (the repository's rules/).</summary>
    public IReadOnlyList<string> RulePaths()
    {
        if (Rules == "product")
            return [];
        if (Rules != "all")
            return Rules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath).ToList();
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var product = Path.Combine(dir.FullName, "rules");
            var sigma = Path.Combine(dir.FullName, "..", "shared", "sigma", "rules", "windows");
            // The product's folder first: its logsource-mapping.yml is the one the collector uses.
            if (File.Exists(Path.Combine(product, "logsource-mapping.yml")) && Directory.Exists(sigma))
                return [product, Path.GetFullPath(sigma)];
        }

        throw new ArgumentException("--rules all: no rules/ with ../shared/sigma/rules/windows beside it found above the current folder; run from the repository root.");
    }
}
