using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>
/// Runs the independent EVTX parsers packaged by Debian: evtxexport (libevtx-utils) and
/// python-evtx (python3-evtx). A missing tool fails the test with the package to install.
/// </summary>
internal static partial class OracleTools
{
    private const string Evtxexport = "/usr/bin/evtxexport";
    private const string DebianPython = "/usr/bin/python3";

    /// <summary>Record identifiers that evtxexport prints in <paramref name="mode"/> (items, recovered, all).</summary>
    public static List<long> EvtxexportRecordIds(string file, string mode = "items")
    {
        Require(Evtxexport, "libevtx-utils");
        var output = Run(Evtxexport, ["-m", mode, file]);
        var ids = new List<long>();
        foreach (Match m in EventNumber().Matches(output))
            ids.Add(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return ids;
    }

    /// <summary>Record counts by python-evtx for many files, in one process per slice.</summary>
    public static Dictionary<string, int> PythonEvtxCounts(IReadOnlyList<string> files)
    {
        Require(DebianPython, "python3");
        var check = Run(DebianPython, ["-c", "import Evtx.Evtx"], throwOnError: false);
        if (check.Contains("Error", StringComparison.Ordinal))
            throw new InvalidOperationException("python-evtx is not installed: apt-get install python3-evtx. " + check);
        const string script = """
            import sys
            import Evtx.Evtx as evtx
            for path in sys.argv[1:]:
                with evtx.Evtx(path) as log:
                    print("%d\t%s" % (sum(1 for _ in log.records()), path))
            """;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var slices = files.Chunk((files.Count / Environment.ProcessorCount) + 1).ToArray();
        var outputs = new string[slices.Length];
        Parallel.For(0, slices.Length, i => outputs[i] = Run(DebianPython, ["-c", script, .. slices[i]]));
        foreach (var line in outputs.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            counts[line[(tab + 1)..]] = int.Parse(line[..tab], CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static void Require(string tool, string package)
    {
        if (!File.Exists(tool))
            throw new InvalidOperationException($"{tool} is missing: install the Debian package {package} (scripts/install-test-deps.sh does).");
    }

    private static string Run(string tool, IEnumerable<string> args, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {stderr.Result}");
        return stdout + stderr.Result;
    }

    [GeneratedRegex(@"^Event number\s+:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex EventNumber();
}
