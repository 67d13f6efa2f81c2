using System.Globalization;

namespace ATTT.Monitor.Sigma.Bench;

/// <summary>Command-line options of the benchmark, defaulting to the shared data beside the repository.</summary>
internal sealed record BenchOptions(IReadOnlyList<string> Rules, string Input, double Seconds, string? Dump)
{
    public static BenchOptions Parse(string[] args)
    {
        var rules = new List<string>();
        string? input = null;
        string? dump = null;
        var seconds = 10.0;
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            switch (args[i])
            {
                case "--rules": rules.Add(args[i + 1]); break;
                case "--input": input = args[i + 1]; break;
                case "--dump": dump = args[i + 1]; break;
                case "--passes": break; // the detector command reads it
                case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        var shared = FindShared();
        if (rules.Count == 0) rules.AddRange(Directory.GetDirectories(Path.Combine(shared, "sigma"), "rules*").Order(StringComparer.Ordinal));
        return new BenchOptions(rules, input ?? Path.Combine(shared, "evtx", "attack-samples"), seconds, dump);
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "sigma"))) return candidate;
        }

        throw new InvalidOperationException("../shared not found above the current directory; pass --rules and --input.");
    }
}
