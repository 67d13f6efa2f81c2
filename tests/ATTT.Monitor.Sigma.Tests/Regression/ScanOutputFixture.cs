using System.Text.Json;
using ATTT.Monitor.Collector.Cli;

namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>
/// Runs `attt scan --rules (all shared rules) --input regression_data` (every .evtx and .json) once, in process,
/// and keeps the jsonl output: the regression cases are checked against what the command printed.
/// </summary>
public sealed class ScanOutputFixture
{
    private readonly Lazy<Result> _result = new(Run);

    public Result Output => _result.Value;

    public sealed record Result(int ExitCode, IReadOnlyList<JsonElement> Detections, string Stderr);

    private static Result Run()
    {
        var args = new List<string> { "scan" };
        foreach (var folder in Support.Paths.SharedRuleFolders()) args.AddRange(["--rules", folder]);
        args.AddRange(["--input", Support.Paths.RegressionData]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CollectorCommandLine.RunAsync([.. args], stdout, stderr).GetAwaiter().GetResult();
        var detections = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return new Result(code, detections, stderr.ToString());
    }
}
