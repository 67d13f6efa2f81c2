namespace ATTT.Monitor.Signal.Bench;

/// <summary>What to replay and with which programs; every path has a default relative to the repository.</summary>
internal sealed record SignalOptions(
    string Attt,
    string Agent,
    string Repository,
    string Shared,
    IReadOnlyList<string> RulePaths,
    IReadOnlyList<Dataset> Datasets,
    TimeSpan Settle,
    bool Keep)
{
    public static SignalOptions Parse(string[] args)
    {
        string? attt = null, agent = null;
        var repository = Directory.GetCurrentDirectory();
        string? shared = null;
        var rules = new List<string>();
        var datasets = new List<Dataset>();
        var settle = TimeSpan.FromSeconds(5);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--attt": attt = Value(); break;
                case "--agent": agent = Value(); break;
                case "--repo": repository = Value(); break;
                case "--shared": shared = Value(); break;
                case "--rules": rules.Add(Value()); break;
                case "--dataset": datasets.Add(Dataset.Parse(Value())); break;
                case "--settle-seconds": settle = TimeSpan.FromSeconds(double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--keep": keep = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --attt FILE --agent FILE [--repo DIR] [--shared DIR] [--rules PATH]... [--dataset NAME=SOURCE]... [--settle-seconds N] [--keep]");
            }
        }

        if (attt is null || agent is null)
            throw new ArgumentException("--attt (the attt executable) and --agent (the attt-agent executable) are required.");
        repository = Path.GetFullPath(repository);
        shared = Path.GetFullPath(shared ?? Path.Combine(repository, "..", "shared"));
        if (rules.Count == 0)
            rules.AddRange([Path.Combine(repository, "rules"), Path.Combine(shared, "sigma", "rules", "windows")]);
        if (datasets.Count == 0)
            datasets.AddRange(Dataset.Defaults(shared));
        return new SignalOptions(Path.GetFullPath(attt), Path.GetFullPath(agent), repository, shared, rules, datasets, settle, keep);
    }
}
